import LeewayCore
import Testing

@Suite("Speed log against GPS")
struct SpeedLogCheckTests {
    static func report(minute: Int64, stw: Double, sog: Double) -> Telemetry {
        var t = Telemetry(vesselID: "IMO1", vesselType: .bulk, eventTime: EventTime(microseconds: minute * 60_000_000))
        t[.speedThroughWater] = stw
        t[.speedOverGround] = sog
        return t
    }

    /// Reports every 10 minutes for `hours` from `start` (hours), log minus GPS = `difference(hour)`.
    static func run(_ check: inout SpeedLogCheck, hours: Range<Int64>, difference: (Int64) -> Double) -> [(Int64, AlertLifecycle.Transition)] {
        var transitions: [(Int64, AlertLifecycle.Transition)] = []
        for h in hours {
            for m in stride(from: Int64(0), to: 60, by: 10) {
                if let t = check.observe(report(minute: h * 60 + m, stw: 12 + difference(h), sog: 12)) { transitions.append((h, t)) }
            }
        }
        return transitions
    }

    @Test("a current swinging ±1.2 kn never fires; a log reading 2 kn high fires after 24 hours and resolves 6 h after it is fixed")
    func disagreementFiresAfterADay() {
        var check = SpeedLogCheck()
        var transitions = Self.run(&check, hours: 0..<72) { 1.2 * sin(Double($0) / 5) }
        // A strong current of 1.8 kn for 20 hours: not a full day.
        transitions += Self.run(&check, hours: 72..<92) { _ in 1.8 }
        transitions += Self.run(&check, hours: 92..<100) { _ in 0 }
        #expect(transitions.isEmpty)
        transitions += Self.run(&check, hours: 100..<130) { _ in 2 }
        // Hours 100…123 disagree; hour 123's close (at the first report of hour 124) fires.
        #expect(transitions.map(\.0) == [124])
        #expect(transitions.first?.1 == .fired(startsAt: EventTime(microseconds: 124 * 3_600_000_000), severity: .warning))
        #expect(check.streak == 29 && abs(check.lastDifference - 2) < 1e-9)
        transitions += Self.run(&check, hours: 130..<140) { _ in 0 }
        guard case .resolved? = transitions.last?.1 else { Issue.record("\(transitions)"); return }
        #expect(transitions.count == 2)
    }

    @Test("a dead log (0 kn under way) is critical; it survives the changelog encoding")
    func deadLogIsCritical() throws {
        var check = SpeedLogCheck()
        let transitions = Self.run(&check, hours: 0..<26) { _ in -12 }
        #expect(transitions.map(\.1) == [.fired(startsAt: EventTime(microseconds: 24 * 3_600_000_000), severity: .critical)])
        var state = VesselState(vesselID: "IMO1", vesselType: .bulk)
        state.speedLog = check
        let back = try VesselState(binary: state.binary)
        #expect(back.speedLog.streak == check.streak && back.speedLog.lifecycle == check.lifecycle)
    }
}

#if canImport(Glibc)
import Glibc
#endif
