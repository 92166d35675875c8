import LeewayCore
import LeewaySimulator
import Testing

#if canImport(Glibc)
import Glibc
#endif

private func fleet(_ change: (inout FleetSimulator.Configuration) -> Void = { _ in }) -> FleetSimulator {
    var configuration = FleetSimulator.Configuration()
    change(&configuration)
    return FleetSimulator(configuration)
}

private func take(_ count: Int, from simulator: inout FleetSimulator) -> [FleetSimulator.Record] {
    (0..<count).map { _ in simulator.next() }
}

/// Least-squares slope of y on x.
private func slope(_ points: [(Double, Double)]) -> Double {
    let n = Double(points.count)
    let mx = points.map(\.0).reduce(0, +) / n, my = points.map(\.1).reduce(0, +) / n
    let sxy = points.reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }, sxx = points.reduce(0) { $0 + ($1.0 - mx) * ($1.0 - mx) }
    return sxy / sxx
}

@Suite("The fleet simulator")
struct FleetSimulatorTests {
    @Test("the same seed gives the same bytes; another seed does not")
    func deterministic() {
        var a = fleet { $0.seed = 7; $0.badFraction = 0.02; $0.satelliteLinks = true }
        var b = fleet { $0.seed = 7; $0.badFraction = 0.02; $0.satelliteLinks = true }
        var c = fleet { $0.seed = 8; $0.badFraction = 0.02; $0.satelliteLinks = true }
        let ra = take(5_000, from: &a), rb = take(5_000, from: &b), rc = take(5_000, from: &c)
        #expect(ra.map(\.value) == rb.map(\.value))
        #expect(ra.map(\.value) != rc.map(\.value))
    }

    @Test("good records are valid telemetry v1; bad ones fail with their intended reason, every reason")
    func recordsMatchTheContract() throws {
        var simulator = fleet { $0.badFraction = 0.05 }
        var reasons = Set<String>()
        for record in take(20_000, from: &simulator) {
            if let intended = record.intendedRejection {
                #expect(throws: TelemetryRejection.self) { _ = try TelemetryDecoder.decode(record.value) }
                do { _ = try TelemetryDecoder.decode(record.value) } catch { #expect(error.code == intended) }
                reasons.insert(intended)
            } else {
                let decoded = try TelemetryDecoder.decode(record.value)
                #expect(decoded == record.telemetry)
                #expect(record.key == Array(decoded.vesselID.utf8))
            }
        }
        #expect(reasons.count == 8, "\(reasons)")
    }

    @Test("physics: Admiralty law gives power ~ speed³, more draft costs more power, SFOC is a bowl")
    func hullPhysics() {
        let hull = HullParticulars.typical(.tanker)
        let p10 = hull.calmWaterPower(speed: 10, draft: 12), p13 = hull.calmWaterPower(speed: 13, draft: 12)
        #expect(abs(log(p13 / p10) / log(1.3) - 3) < 1e-9)
        #expect(hull.calmWaterPower(speed: 12, draft: 15) > hull.calmWaterPower(speed: 12, draft: 7))
        #expect(hull.sfoc(load: 0.8) < hull.sfoc(load: 0.4) && hull.sfoc(load: 0.8) < hull.sfoc(load: 1.0))
        let service = hull.calmWaterPower(speed: hull.serviceSpeed, draft: hull.ladenDraft)
        #expect(service > 0.4 * hull.maxPower && service < hull.maxPower, "service speed needs 40-100 % of installed power")
    }

    @Test("simulated fuel rises with speed as Admiralty law says: log-log slope between 2.5 and 4")
    func fuelSpeedSlope() {
        var simulator = fleet { $0.vessels = 1; $0.intervalSeconds = 900 }
        let points = take(30_000, from: &simulator).compactMap { record -> (Double, Double)? in
            guard let t = record.telemetry, let stw = t[.speedThroughWater], let fuel = t[.fuelRate], stw > 4, fuel > 0 else { return nil }
            return (log(stw), log(fuel))
        }
        #expect(points.count > 1_000)
        let s = slope(points)
        #expect((2.5...4.0).contains(s), "slope \(s)")
    }

    @Test("hull fouling grows and a cleaning event resets it")
    func fouling() {
        var simulator = fleet { $0.vessels = 1; $0.intervalSeconds = 3600 }
        let records = take(20_000, from: &simulator).compactMap(\.telemetry)
        let cleaning = records.firstIndex { $0.event == .hullCleaning }
        #expect(cleaning != nil)
        if let cleaning {
            #expect((records[cleaning][.daysSinceHullCleaning] ?? 99) < 0.1)
            #expect((records[cleaning - 1][.daysSinceHullCleaning] ?? 0) > 300)
        }
    }

    @Test("an injected fuel drift raises fuel per kW by its percentage from its start")
    func fuelDrift() {
        let from = EventTime(seconds: 1_796_025_600 + 120 * 86_400)
        var simulator = fleet { $0.vessels = 1; $0.intervalSeconds = 900; $0.drifts = [SensorDrift("fuel:IMO9100000:+20%@\(from)")!] }
        var before: [Double] = [], after: [Double] = []
        for record in take(25_000, from: &simulator) {
            guard let t = record.telemetry, let power = t[.shaftPower], let fuel = t[.fuelRate], power > 1_000 else { continue }
            if t.eventTime < from { before.append(fuel / power) } else { after.append(fuel / power) }
        }
        let ratio = (after.reduce(0, +) / Double(after.count)) / (before.reduce(0, +) / Double(before.count))
        #expect((1.15...1.25).contains(ratio), "fuel per kW after / before = \(ratio)")
    }

    @Test("satellite links deliver late, out of order, and some twice")
    func satellite() {
        var simulator = fleet { $0.vessels = 20; $0.satelliteLinks = true }
        var latest: [String: EventTime] = [:]
        var seen = Set<[UInt8]>()
        var late = 0, duplicates = 0
        for record in take(100_000, from: &simulator) {
            guard let t = record.telemetry else { continue }
            if let last = latest[t.vesselID], t.eventTime < last { late += 1 }
            latest[t.vesselID] = max(latest[t.vesselID] ?? t.eventTime, t.eventTime)
            if !seen.insert(record.value).inserted { duplicates += 1 }
        }
        #expect(late > 100)
        #expect(duplicates > 0)
    }
}

@Suite("The simulator's physics and hulls")
struct SimulatorPhysicsTests {
    private func reports(_ change: (inout FleetSimulator.Configuration) -> Void) -> [Telemetry] {
        var configuration = FleetSimulator.Configuration()
        configuration.vessels = 8
        configuration.intervalSeconds = 300
        change(&configuration)
        var simulator = FleetSimulator(configuration)
        return (0..<4_000).compactMap { _ in simulator.next().telemetry }
    }

    @Test("each physics and spread is deterministic per seed")
    func deterministic() {
        for physics in SimulatorPhysics.allCases {
            let a = reports { $0.physics = physics; $0.hullSpread = 0.1 }, b = reports { $0.physics = physics; $0.hullSpread = 0.1 }
            #expect(a.map(\.json) == b.map(\.json))
        }
    }

    @Test("the variant physics and varied hulls change power, not the voyages")
    func variantDiffers() {
        let baseline = reports { _ in }, variant = reports { $0.physics = .variant }, spread = reports { $0.hullSpread = 0.1 }
        #expect(baseline.map(\.vesselID) == variant.map(\.vesselID))
        #expect(baseline.map { $0[.draft] } == variant.map { $0[.draft] })
        #expect(baseline.map { $0[.shaftPower] } != variant.map { $0[.shaftPower] })
        #expect(baseline.map { $0[.shaftPower] } != spread.map { $0[.shaftPower] })
    }

    @Test("vessel types are assigned in turn from the configured list")
    func types() {
        let fleet = reports { $0.types = [.cruise, .dredger] }
        #expect(Set(fleet.map(\.vesselType)) == [.cruise, .dredger])
        #expect(fleet.first { $0.vesselID == "IMO9100001" }?.vesselType == .dredger)
    }
}
