import LeewayCore
import Testing

@Suite("Alert lifecycle")
struct AlertLifecycleTests {
    static func at(hours: Double) -> EventTime { EventTime(microseconds: Int64(hours * 3_600_000_000)) }

    @Test("fires once, dedupes, escalates once, resolves after the clear period, cools down, fires again")
    func lifecycle() {
        var alert = AlertLifecycle(rule: AlertRule(pendingFor: .zero, resolveAfter: .seconds(2 * 3600), cooldown: .seconds(10 * 3600)))
        #expect(alert.observe(nil, at: Self.at(hours: 0)) == nil)
        #expect(alert.observe(.warning, at: Self.at(hours: 1)) == .fired(startsAt: Self.at(hours: 1), severity: .warning))
        #expect(alert.observe(.warning, at: Self.at(hours: 2)) == nil, "deduplicated")
        #expect(alert.observe(.critical, at: Self.at(hours: 3)) == .escalated(startsAt: Self.at(hours: 1), severity: .critical))
        #expect(alert.observe(.critical, at: Self.at(hours: 3.5)) == nil)
        #expect(alert.observe(nil, at: Self.at(hours: 4)) == nil, "0.5 h clear is not enough")
        #expect(alert.observe(.warning, at: Self.at(hours: 4.5)) == nil, "seen again: still the same alert")
        #expect(alert.observe(nil, at: Self.at(hours: 6)) == nil)
        #expect(alert.observe(nil, at: Self.at(hours: 6.5)) == .resolved(startsAt: Self.at(hours: 1), endsAt: Self.at(hours: 6.5), severity: .critical))
        #expect(alert.observe(.critical, at: Self.at(hours: 10)) == nil, "cooling down until 16.5 h")
        #expect(alert.observe(.warning, at: Self.at(hours: 17)) == .fired(startsAt: Self.at(hours: 17), severity: .warning))
    }

    @Test("with a pending period the condition must persist; a gap resets it")
    func pending() {
        var alert = AlertLifecycle(rule: AlertRule(pendingFor: .seconds(3600)))
        #expect(alert.observe(.warning, at: Self.at(hours: 0)) == nil)
        #expect(alert.observe(nil, at: Self.at(hours: 0.5)) == nil)
        #expect(alert.observe(.warning, at: Self.at(hours: 0.75)) == nil)
        #expect(alert.observe(.warning, at: Self.at(hours: 1.5)) == nil)
        #expect(alert.observe(.critical, at: Self.at(hours: 1.75)) == .fired(startsAt: Self.at(hours: 0.75), severity: .critical))
    }

    @Test("maintenance resolves a firing alert and suppresses observations for the grace period")
    func maintenance() {
        var alert = AlertLifecycle()
        #expect(alert.observe(.critical, at: Self.at(hours: 1)) == .fired(startsAt: Self.at(hours: 1), severity: .critical))
        #expect(alert.suppress(at: Self.at(hours: 2), for: .seconds(24 * 3600))
                == .resolved(startsAt: Self.at(hours: 1), endsAt: Self.at(hours: 2), severity: .critical))
        #expect(alert.observe(.critical, at: Self.at(hours: 20)) == nil, "suppressed")
        #expect(alert.observe(.warning, at: Self.at(hours: 27)) == .fired(startsAt: Self.at(hours: 27), severity: .warning))
        var quiet = AlertLifecycle()
        #expect(quiet.suppress(at: Self.at(hours: 0), for: .seconds(3600)) == nil, "nothing to resolve")
    }
}
