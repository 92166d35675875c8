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
