/// Data quality of one vessel's speed log: speed through water against speed over ground.
/// They differ by the current, which changes over hours and rarely holds above 1.5 kn for a
/// day; a log that is miscalibrated, fouled or dead disagrees in the same direction all day.
/// Hourly means of (log − GPS) under way; the alert fires after ``hours`` consecutive hours
/// off by ``knots`` or more in the same direction (critical from twice that), and resolves
/// after the rule's clear period.
public struct SpeedLogCheck: Sendable {
    /// Consecutive disagreeing hours that fire the alert.
    public static let hours = 24
    /// Disagreement of an hour's mean, knots.
    public static let knots = 1.5
    /// Fewest reports under way for an hour to count.
    public static let minimumReports = 6
    /// Firing and clearing.
    public static let rule = AlertRule(pendingFor: .zero, resolveAfter: .seconds(6 * 3600), cooldown: .seconds(12 * 3600))

    var hour: Int64 = .min
    var sum = 0.0
    var count: Int32 = 0
    /// Consecutive disagreeing hours, signed by the direction (positive: the log reads high).
    public internal(set) var streak: Int32 = 0
    /// The last counted hour's mean disagreement, knots.
    public internal(set) var lastDifference = 0.0
    /// The alert's lifecycle.
    public internal(set) var lifecycle = AlertLifecycle(rule: SpeedLogCheck.rule)

    /// No history.
    public init() {}

    /// Adds an in-order report; returns the alert's transition when an hour closes and changes it.
    public mutating func observe(_ report: Telemetry) -> AlertLifecycle.Transition? {
        guard let stw = report[.speedThroughWater], let sog = report[.speedOverGround], max(stw, sog) >= 3 else { return nil }
        let slot = report.eventTime.microseconds.floorDivided(by: 3_600_000_000).quotient
        var transition: AlertLifecycle.Transition?
        if slot > hour {
            transition = closeHour()
            hour = slot
            sum = 0
            count = 0
        }
        sum += stw - sog
        count += 1
        return transition
    }

    private mutating func closeHour() -> AlertLifecycle.Transition? {
        guard hour != .min, count >= Self.minimumReports else { return nil }
        let difference = sum / Double(count)
        lastDifference = difference
        if abs(difference) >= Self.knots {
            let direction: Int32 = difference > 0 ? 1 : -1
            streak = streak.signum() == direction ? streak + direction : direction
        } else {
            streak = 0
        }
        let severity: AlertSeverity? = abs(streak) >= Self.hours || (lifecycle.isFiring && streak != 0)
            ? (abs(difference) >= 2 * Self.knots ? .critical : .warning) : nil
        return lifecycle.observe(severity, at: EventTime(microseconds: (hour + 1) * 3_600_000_000))
    }
}
