import Foundation
import LeewayCore
import Testing

@Suite("Predictions")
struct PredictionTests {
    @Test("the physics baseline follows Admiralty law: fuel rises with speed (slope ~3 in log-log), draught and fouling")
    func baselinePhysics() throws {
        let model = PhysicsBaseline(type: .bulk)
        let state = VesselState(vesselID: "IMO9000002", vesselType: .bulk)
        func fuel(speed: Double, draft: Double = 14, days: Double = 0) throws -> Double {
            var t = Telemetry(vesselID: "IMO9000002", vesselType: .bulk, eventTime: EventTime(seconds: 0))
            t[.speedThroughWater] = speed
            t[.draft] = draft
            t[.daysSinceHullCleaning] = days
            return try #require(model.predict(t, state: state)?[.fuelRate])
        }
        let slow = try fuel(speed: 9), fast = try fuel(speed: 12)
        let slope = log(fast / slow) / log(12.0 / 9)
        #expect(slope > 2.5 && slope < 4)
        #expect(try fuel(speed: 12, draft: 14) > fuel(speed: 12, draft: 7))
        #expect(try fuel(speed: 12, days: 200) > fuel(speed: 12, days: 0))
        // 12 kn laden bulk carrier, clean hull, calm air and sea: Admiralty power, the air
        // resistance of its own speed, and the SFOC bowl.
        let hull = HullClass.typical(.bulk)
        let shipSpeed = 12 * 0.5144
        let power = hull.calmWaterPower(speed: 12, draft: 14) + 0.5 * 1.225 * 0.8 * hull.windageArea * shipSpeed * shipSpeed * shipSpeed / 0.7 / 1000
        #expect(abs(try fuel(speed: 12) - power * hull.sfoc(load: power / hull.maxPower) / 1e6) < 1e-12)
        var noSpeed = Telemetry(vesselID: "IMO9000002", vesselType: .bulk, eventTime: EventTime(seconds: 0))
        noSpeed[.fuelRate] = 1
        #expect(model.predict(noSpeed, state: state) == nil)
    }

    @Test("the pass predicts, flags assumptions, computes residuals, and is byte-identical on a replay")
    func passIsDeterministic() throws {
        var t = Telemetry(vesselID: "IMO9000003", vesselType: .container, eventTime: EventTime(seconds: 1_796_025_600))
        t[.speedThroughWater] = 16.5
        t[.shaftPower] = 21_000
        t[.fuelRate] = 3.6
        let pass = VesselPass()
        var first = VesselState(vesselID: "IMO9000003", vesselType: .container)
        var second = first
        let ingested = EventTime(seconds: 1_796_025_601)
        let a = pass.run(t, offset: 7, ingestedAt: ingested, state: &first)
        let b = pass.run(t, offset: 7, ingestedAt: ingested, state: &second)
        let prediction = try #require(a.prediction)
        #expect(a.admission == .applied && a.publishFeatures)
        #expect(prediction.json == b.prediction?.json)
        #expect(prediction.quality == [.baselineModel, .draftAssumed, .foulingAssumed])
        #expect(prediction.residual(.fuelRate) == 3.6 - prediction.targets[.fuelRate]!)
        let text = String(decoding: prediction.json, as: UTF8.self)
        #expect(text.hasPrefix(#"{"vessel_id":"IMO9000003","vessel_type":"container","ts":"2026-11-30T08:00:00Z","produced_at":"2026-11-30T08:00:01Z","model":{"name":"container-physics-baseline","version":0,"kind":"physics-baseline"},"targets":{"fuel_rate_tph":"#))
        #expect(text.hasSuffix(#""feature_time":"2026-11-30T08:00:00Z","quality":["draft_assumed","fouling_assumed","baseline_model"]}"#))
        // The same report again is a duplicate: no second prediction.
        #expect(pass.run(t, offset: 8, ingestedAt: ingested, state: &first).prediction == nil)
    }

    @Test("a model name with quotes, backslashes or control characters is escaped: the record stays valid JSON")
    func modelNamesAreEscaped() throws {
        let name = "tanker \"best\" \\ fit\n\u{1}", kind = "linear-physics"
        let prediction = Prediction(vesselID: "IMO9000003", vesselType: .tanker, eventTime: EventTime(seconds: 1_796_025_600),
                                    producedAt: EventTime(seconds: 1_796_025_601), model: ModelIdentity(name: name, version: 2, kind: kind),
                                    targets: TargetValues(), actuals: TargetValues(), featureTime: EventTime(seconds: 1_796_025_600), quality: [])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(prediction.json)) as? [String: Any])
        let model = try #require(object["model"] as? [String: Any])
        #expect(model["name"] as? String == name)
        #expect(model["kind"] as? String == kind && model["version"] as? Int == 2)
    }
}

#if canImport(Glibc)
import Glibc
#endif
