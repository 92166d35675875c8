import LeewayCore
import Testing

@Suite("Vessel state")
struct VesselStateTests {
    static let start = EventTime(seconds: 1_796_025_600)

    static func report(minute: Int, stw: Double = 12, power: Double = 8_000, fuel: Double = 1.4, draft: Double? = 14.5,
                       event: MaintenanceEvent? = nil) -> Telemetry {
        var t = Telemetry(vesselID: "IMO9000001", vesselType: .tanker,
                          eventTime: EventTime(microseconds: start.microseconds + Int64(minute) * 60_000_000), event: event)
        t[.speedThroughWater] = stw
        t[.speedOverGround] = stw + 0.3
        t[.shaftPower] = power
        t[.fuelRate] = fuel
        t[.draft] = draft
        t[.windSpeed] = 9
        return t
    }

    @Test("late reports are counted and not applied; exact resends are dropped; out-of-order ones within the lateness apply")
    func lateAndDuplicate() {
        var state = VesselState(vesselID: "IMO9000001", vesselType: .tanker)
        let policy = FeaturePolicy()
        var offset: Int64 = 0
        func admit(_ t: Telemetry) -> Admission {
            offset += 1
            return state.admit(t, offset: offset, policy: policy)
        }
        #expect(admit(Self.report(minute: 600)) == .applied)
        #expect(admit(Self.report(minute: 601)) == .applied)
        #expect(admit(Self.report(minute: 601)) == .duplicate)
        #expect(admit(Self.report(minute: 400)) == .applied)        // 201 min behind: within 6 h
        #expect(admit(Self.report(minute: 400)) == .duplicate)
        #expect(admit(Self.report(minute: 600 - 361)) == .late)     // 6 h 2 min behind the newest
        #expect(admit(Self.report(minute: 241)) == .applied)         // exactly 6 h behind: still on time
        #expect(state.count == 4)
        #expect(state.lateCount == 1)
        #expect(state.duplicateCount == 2)
        #expect(state.lastEventTime == Self.report(minute: 601).eventTime)
        // A replay of an offset the state already holds is skipped without counting.
        #expect(state.admit(Self.report(minute: 700), offset: 3, policy: policy) == .replayed)
        #expect(state.count == 4)
    }

    @Test("EWMAs, decayed means, windows, regime, Admiralty estimate and hull cleaning follow the reports")
    func features() {
        var state = VesselState(vesselID: "IMO9000001", vesselType: .tanker)
        var policy = FeaturePolicy()
        policy.ewmaAlpha = 0.5
        _ = state.admit(Self.report(minute: 0, stw: 10, fuel: 1.0), offset: 0, policy: policy)
        _ = state.admit(Self.report(minute: 10, stw: 14, fuel: 2.0), offset: 1, policy: policy)
        #expect(state.speedThroughWater.value == 12)                 // 10 + 0.5·(14 − 10)
        #expect(state.fuelRate.value == 1.5)
        // Decayed mean: the older sample weighs 2^(−10 min / 6 h).
        let w = exp2(-10.0 / 360)
        #expect(abs(state.decayedFuel.value! - (1.0 * w + 2.0) / (w + 1)) < 1e-12)
        let hour = state.lastHour.summary(at: state.lastEventTime)
        #expect(hour.count == 2)
        #expect(hour.meanFuel == 1.5)
        #expect(abs(hour.stdFuel! - 0.5.squareRoot()) < 1e-12)
        // 1 h later the 15-minute slots of minutes 0 and 10 have left the hour but not the day.
        _ = state.admit(Self.report(minute: 70, stw: 12, fuel: 3.0), offset: 2, policy: policy)
        #expect(state.lastHour.summary(at: state.lastEventTime).count == 1)
        #expect(state.lastDay.summary(at: state.lastEventTime).count == 3)
        #expect(state.regime == OperatingRegime(loading: .laden, speedBand: .economical, beaufort: 5))
        // Admiralty coefficient Δ^(2/3)·V³/P: the decayed mean of the three reports' values
        // at 14.5 m of a 15 m tanker and 8000 kW.
        let displacement = 120_000 * 14.5 / 15
        let c = { (v: Double) in cbrt(displacement) * cbrt(displacement) * v * v * v / 8_000 }
        let w0 = exp2(-70.0 / 360), w10 = exp2(-60.0 / 360)
        let expected = (c(10) * w0 + c(14) * w10 + c(12)) / (w0 + w10 + 1)
        #expect(abs(state.admiralty.value! - expected) / expected < 1e-12)
        // A cleaning event without a reported day count restarts the count.
        var cleaned = Self.report(minute: 100, event: .hullCleaning)
        cleaned[.daysSinceHullCleaning] = nil
        _ = state.admit(cleaned, offset: 3, policy: policy)
        #expect(state.daysSinceHullCleaning == 0)
        _ = state.admit(Self.report(minute: 100 + 1440), offset: 4, policy: policy)
        #expect(state.daysSinceHullCleaning == 1)
    }

    @Test("a ballast draught at slow speed in a gale is ballast, slow, Beaufort 8")
    func regime() {
        var state = VesselState(vesselID: "IMO9000001", vesselType: .tanker)
        var report = Self.report(minute: 0, stw: 7, draft: 7.2)
        report[.windSpeed] = 18
        _ = state.admit(report, offset: 0, policy: FeaturePolicy())
        #expect(state.regime == OperatingRegime(loading: .ballast, speedBand: .slow, beaufort: 8))
        #expect(OperatingRegime.beaufort(windSpeed: 0.2) == 0)
        #expect(OperatingRegime.beaufort(windSpeed: 33) == 12)
    }

    @Test("the changelog encoding reads back exactly, and a damaged one is refused")
    func binaryRoundTrip() throws {
        var state = VesselState(vesselID: "IMO9000001", vesselType: .tanker)
        for minute in 0..<500 {
            _ = state.admit(Self.report(minute: minute * 3 % 997, stw: 10 + Double(minute % 7), fuel: 1 + Double(minute % 5) / 10),
                            offset: Int64(minute), policy: FeaturePolicy())
        }
        let bytes = state.binary
        let back = try VesselState(binary: bytes)
        #expect(back.binary == bytes)
        #expect(back.count == state.count && back.lateCount == state.lateCount && back.duplicateCount == state.duplicateCount)
        #expect(back.recent.contains(state.lastEventTime))
        #expect(back.lateCount > 0 && back.count > 0)
        #expect(bytes.count < 2_400)
        #expect(throws: BinaryReader.Malformed.self) { try VesselState(binary: Array(bytes.dropLast())) }
        var wrongVersion = bytes
        wrongVersion[0] = 9
        #expect(throws: BinaryReader.Malformed.self) { try VesselState(binary: wrongVersion) }
        // 1.5 KiB resend memory, ~600 B of drift and data-quality watches (each with its alert lifecycle).
        #expect(MemoryLayout<VesselState>.size <= 2_950)
    }
}

#if canImport(Glibc)
import Glibc
#endif
