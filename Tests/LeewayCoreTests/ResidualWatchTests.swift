import LeewayCore
import Testing

@Suite("Fuel residual watch")
struct ResidualWatchTests {
    static let hour: Int64 = 3_600_000_000

    /// Feeds `z` twelve times in event-time hour `h`; returns the transitions.
    static func feed(_ watch: inout ResidualWatch, hour h: Int64, z: Double) -> [AlertLifecycle.Transition] {
        (0..<12).compactMap { i in
            watch.observe(z, at: EventTime(microseconds: h * hour + Int64(i) * 300_000_000), settings: ResidualWatch.Settings())
        }
    }

    @Test("6 reference hours, 10 quiet hours, then +3 deviations: Page-Hinkley (δ 0.5, λ 4) fires after the second shifted hour; 6 clear hours resolve")
    func firesAndResolves() {
        var watch = ResidualWatch()
        var transitions: [(Int64, AlertLifecycle.Transition)] = []
        func run(_ hours: Range<Int64>, z: Double) {
            for h in hours { transitions += Self.feed(&watch, hour: h, z: z).map { (h, $0) } }
        }
        run(0..<16, z: 0)
        // Shifted hours 16 and 17. By hand: after 10 zero hours sum_increase = −5 (its minimum);
        // hour 16: mean 3/11, deviation 2.727, sum −2.773; hour 17: mean 0.5, deviation 2.5,
        // sum −0.773; −0.773 − (−5) = 4.227 > 4, and |3| ≥ the critical level 3.
        run(16..<20, z: 3)
        #expect(transitions.map(\.1) == [.fired(startsAt: EventTime(microseconds: 18 * Self.hour), severity: .critical)])
        #expect(transitions.first?.0 == 18, "reported when hour 17 closes, at the first report of hour 18")
        // Back to the reference from hour 20: hour 20's close is the first clear observation
        // after the last abnormal one at 20 h; resolved once 6 h have passed without one.
        run(20..<30, z: 0)
        #expect(transitions.count == 2)
        #expect(transitions.last?.1 == .resolved(startsAt: EventTime(microseconds: 18 * Self.hour),
                                                 endsAt: EventTime(microseconds: 26 * Self.hour), severity: .critical))
    }

    /// Feeds `z` twelve times in hour `h`, in regime slot `regime`.
    static func feed(_ watch: inout ResidualWatch, hour h: Int64, z: Double, regime: Int) -> [AlertLifecycle.Transition] {
        (0..<12).compactMap { i in
            watch.observe(z, at: EventTime(microseconds: h * hour + Int64(i) * 300_000_000), regime: regime, settings: .init())
        }
    }

    @Test("a model that errs −2 deviations in ballast and +0.5 laden: alternating passages stay quiet; a +3 step still fires")
    func regimesKeepTheirOwnReference() {
        var watch = ResidualWatch()
        var transitions: [AlertLifecycle.Transition] = []
        let laden = OperatingRegime(loading: .laden, speedBand: .economical).residualSlot
        let ballast = OperatingRegime(loading: .ballast, speedBand: .slow).residualSlot
        #expect(laden != ballast)
        var h: Int64 = 0
        for passage in 0..<8 {
            for _ in 0..<12 {
                transitions += Self.feed(&watch, hour: h, z: passage % 2 == 0 ? 0.5 : -2, regime: passage % 2 == 0 ? laden : ballast)
                h += 1
            }
        }
        #expect(transitions.isEmpty, "\(transitions)")
        // One vessel-wide reference would see the ballast hours 2.5 deviations off and fire.
        var single = ResidualWatch()
        var singleTransitions: [AlertLifecycle.Transition] = []
        for hour in 0..<h { singleTransitions += Self.feed(&single, hour: hour, z: (hour / 12) % 2 == 0 ? 0.5 : -2, regime: 0) }
        #expect(!singleTransitions.isEmpty)
        // The fault: +3 deviations on top of the laden level.
        for _ in 0..<4 {
            transitions += Self.feed(&watch, hour: h, z: 3.5, regime: laden)
            h += 1
        }
        #expect(transitions.count == 1)
        if case .fired(_, let severity)? = transitions.first { #expect(severity == .critical) } else { Issue.record("\(transitions)") }
    }

    @Test("a vessel that changes speed while its alert fires is compared with the reference in use, learns nothing from the faulty hours, and resolves")
    func regimeChangeWhileFiring() {
        var watch = ResidualWatch()
        var transitions: [AlertLifecycle.Transition] = []
        var h: Int64 = 0
        func run(_ hours: Int, z: Double, regime: Int) {
            for _ in 0..<hours {
                transitions += Self.feed(&watch, hour: h, z: z, regime: regime)
                h += 1
            }
        }
        run(12, z: 0, regime: 2)          // laden/service: reference 0
        run(4, z: 5, regime: 2)           // the fault: fires
        run(4, z: 5, regime: 3)           // laden/fast, no reference yet: compared with service's, still firing
        run(10, z: 0, regime: 3)          // the fault is over: clear hours against service's reference resolve it
        #expect(transitions.count == 2, "\(transitions)")
        guard case .resolved? = transitions.last else { Issue.record("\(transitions)"); return }
        // The fast regime learns its own reference only now, from clean hours.
        run(6, z: 0.4, regime: 3)
        run(20, z: 0.4, regime: 3)
        #expect(transitions.count == 2, "fast's reference is the clean 0.4, not the faulty 5: \(transitions)")
    }

    @Test("an hour that mixes regimes counts for nothing")
    func mixedHoursAreSkipped() {
        var watch = ResidualWatch()
        var transitions: [AlertLifecycle.Transition] = []
        for h in Int64(0)..<8 { transitions += Self.feed(&watch, hour: h, z: 0, regime: 1) }
        for h in Int64(8)..<14 {
            // Half the hour in each regime, wildly off: ignored.
            for i in 0..<12 {
                if let t = watch.observe(9, at: EventTime(microseconds: h * Self.hour + Int64(i) * 300_000_000), regime: i < 6 ? 1 : 2,
                                         settings: .init()) { transitions.append(t) }
            }
        }
        transitions += Self.feed(&watch, hour: 14, z: 0, regime: 1)
        #expect(transitions.isEmpty)
    }

    @Test("noise around the reference never fires; hours with too few reports count for nothing")
    func quietStaysQuiet() {
        var watch = ResidualWatch()
        var transitions: [AlertLifecycle.Transition] = []
        for h in Int64(0)..<500 { transitions += Self.feed(&watch, hour: h, z: h % 2 == 0 ? 0.8 : -0.8) }
        #expect(transitions.isEmpty)
        for h in Int64(500)..<520 {   // big residuals, but only 5 reports an hour
            for i in 0..<5 { if let t = watch.observe(10, at: EventTime(microseconds: h * Self.hour + Int64(i)), settings: .init()) { transitions.append(t) } }
        }
        #expect(transitions.isEmpty)
    }

    @Test("maintenance resolves a firing alert and restarts the reference")
    func maintenanceResets() {
        var watch = ResidualWatch()
        for h in Int64(0)..<16 { _ = Self.feed(&watch, hour: h, z: 0) }
        for h in Int64(16)..<19 { _ = Self.feed(&watch, hour: h, z: 3) }
        guard case .firing = watch.lifecycle.state else { Issue.record("expected firing, got \(watch.lifecycle.state)"); return }
        let transition = watch.maintenance(at: EventTime(microseconds: 19 * Self.hour + 1), settings: .init())
        #expect(transition == .resolved(startsAt: EventTime(microseconds: 18 * Self.hour),
                                        endsAt: EventTime(microseconds: 19 * Self.hour + 1), severity: .critical))
        var later: [AlertLifecycle.Transition] = []
        for h in Int64(20)..<60 { later += Self.feed(&watch, hour: h, z: 3) }   // the new level is the reference
        #expect(later.isEmpty)
    }
}
