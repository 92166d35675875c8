import LeewayCore
import Testing

@Suite("Data drift")
struct DataDriftTests {
    static let hour: Int64 = 3_600_000_000

    /// Standard normal values from a fixed linear congruential generator (Box–Muller).
    struct Normal {
        var state: UInt64
        mutating func next() -> Double {
            func unit() -> Double {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return (Double(state >> 11) + 0.5) / Double(1 << 53)
            }
            return (-2 * log(unit())).squareRoot() * cos(2 * .pi * unit())
        }
    }

    @Test("a window like the reference stays quiet; a one-deviation shift fires critical; the return resolves it")
    func watchFiresAndResolves() {
        var normal = Normal(state: 42)
        let reference = ReferenceDistribution(sample: (0..<5_000).map { _ in normal.next() })
        #expect(reference.percentiles?.count == 101)
        let settings = DataDriftWatch.Settings()
        var watch = DataDriftWatch(settings: settings)
        var transitions: [(hour: Int64, AlertLifecycle.Transition)] = []
        func run(_ hours: Range<Int64>, shift: Double) {
            for h in hours {
                for i in 0..<8 {
                    let time = EventTime(microseconds: h * Self.hour + Int64(i) * 400_000_000)
                    if let t = watch.observe(normal.next() + shift, at: time, reference: reference, settings: settings) {
                        transitions.append((h, t))
                    }
                }
            }
        }
        run(0..<240, shift: 0)
        #expect(transitions.isEmpty, "\(transitions)")
        #expect((watch.lastTest?.psi ?? 1) < 0.1)
        run(240..<300, shift: 1)
        guard case .fired(_, let severity)? = transitions.first?.1 else {
            Issue.record("no alert: \(String(describing: watch.lastTest))")
            return
        }
        #expect(severity == .critical || transitions.contains { if case .escalated(_, .critical) = $0.1 { true } else { false } })
        // A 72 h window notices once a good part of it has shifted: within 36 h (half the window).
        #expect(transitions.first!.hour < 240 + 36, "fired at hour \(transitions.first!.hour)")
        run(300..<420, shift: 0)
        #expect(transitions.contains { if case .resolved = $0.1 { true } else { false } })
    }

    @Test("too few values are never tested")
    func minimumSample() {
        var normal = Normal(state: 7)
        let reference = ReferenceDistribution(sample: (0..<1_000).map { _ in normal.next() })
        var watch = DataDriftWatch()
        for h in Int64(0)..<200 {
            _ = watch.observe(normal.next() + 5, at: EventTime(microseconds: h * 4 * Self.hour), reference: reference, settings: DataDriftWatch.Settings())
        }
        #expect(watch.lastTest == nil)  // one value per 4 h: at most 18 in a 72 h window
    }

    /// A laden or ballast report at economical speed with fuel `1 + z/100` t/h.
    static func report(_ id: String, hour: Int64, minute: Int64, laden: Bool, z: Double) -> Telemetry {
        var t = Telemetry(vesselID: id, vesselType: .tanker, eventTime: EventTime(microseconds: hour * Self.hour + minute * 60_000_000))
        t[.speedThroughWater] = 12
        t[.draft] = laden ? 15 : 7
        t[.fuelRate] = 1 + z / 100
        return t
    }

    @Test("each regime against its own reference, one sample per vessel-hour: a fleet whose ballast residuals sit 3 % low stays quiet")
    func monitorComparesWithinRegimes() {
        var normal = Normal(state: 3)
        let laden = OperatingRegime(loading: .laden, speedBand: .economical)
        let ballast = OperatingRegime(loading: .ballast, speedBand: .economical)
        let model = ModelIdentity(name: "tanker-linear-physics", version: 1, kind: "linear-physics")
        let references = DriftReferences(model: model, period: "p", distributions: [
            DataDriftMonitor.key(.fuelRate, regime: laden): ReferenceDistribution(sample: (0..<3_000).map { _ in normal.next() }),
            DataDriftMonitor.key(.fuelRate, regime: ballast): ReferenceDistribution(sample: (0..<3_000).map { _ in normal.next() - 3 }),
        ])
        var predicted = TargetValues()
        predicted[.fuelRate] = 1
        var monitor = DataDriftMonitor()
        var alerts: [DriftAlert] = []
        var tested = 0, predictions = 0
        for hour in Int64(0)..<(24 * 12) {
            for vessel in 0..<10 {
                let isLaden = (hour / 36 + Int64(vessel)) % 2 == 0
                // Six reports per vessel-hour, all alike: the monitor must count one.
                let z = normal.next() - (isLaden ? 0 : 3)
                for minute in stride(from: Int64(0), to: 60, by: 10) {
                    let r = Self.report("T\(vessel)", hour: hour, minute: minute, laden: isLaden, z: z)
                    alerts += monitor.observe(r, references: references) {
                        predictions += 1
                        return predicted
                    }
                    tested += 1
                }
            }
        }
        #expect(tested == 17_280 && monitor.count == 2)
        #expect(predictions == 2_880, "the model runs once per vessel-hour, not per report")
        #expect(alerts.isEmpty, "\(alerts.map(\.annotations.summary))")
        // Pooled against the laden reference only, the ballast hours would be drift.
        var pooled = DataDriftMonitor()
        var pooledAlerts: [DriftAlert] = []
        let ladenOnly = DriftReferences(model: model, period: "p", distributions: [
            DataDriftMonitor.key(.fuelRate, regime: ballast): references.distributions[DataDriftMonitor.key(.fuelRate, regime: laden)]!,
        ])
        for hour in Int64(0)..<(24 * 6) {
            for vessel in 0..<10 {
                let r = Self.report("T\(vessel)", hour: hour, minute: 0, laden: false, z: normal.next() - 3)
                pooledAlerts += pooled.observe(r, references: ladenOnly) { predicted }
            }
        }
        #expect(pooledAlerts.contains { $0.status == .firing && $0.labels.alertname == "DataDrift" && $0.labels.vesselID == nil })
    }
}

#if canImport(Glibc)
import Glibc
#endif
