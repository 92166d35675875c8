/// One alert's life — per subject (vessel or type), detector and feature — as a small state
/// machine in event time: inactive → pending → firing → (cooling down) → inactive. It
/// reports transitions only, so an alert fires once however often its condition is seen,
/// escalates once, and resolves once.
public struct AlertLifecycle: Sendable, Equatable {
    /// Where the alert is.
    public enum State: Sendable, Equatable {
        case inactive
        case pending(since: EventTime, severity: AlertSeverity)
        case firing(since: EventTime, severity: AlertSeverity, lastSeen: EventTime)
        case coolingDown(until: EventTime)
    }

    /// What changed, for the alert record.
    public enum Transition: Sendable, Equatable {
        /// The alert starts firing (at `startsAt`, the condition's first sighting).
        case fired(startsAt: EventTime, severity: AlertSeverity)
        /// A firing alert became more severe.
        case escalated(startsAt: EventTime, severity: AlertSeverity)
        /// The alert is over.
        case resolved(startsAt: EventTime, endsAt: EventTime, severity: AlertSeverity)
    }

    /// The hysteresis.
    public var rule: AlertRule
    /// The current state.
    public internal(set) var state: State = .inactive
    /// Until when observations are ignored (maintenance grace), if set.
    public internal(set) var suppressedUntil: EventTime?

    /// Whether the alert is firing.
    public var isFiring: Bool {
        if case .firing = state { return true }
        return false
    }

    /// Inactive and not suppressed: a clear observation would change nothing.
    public var isIdle: Bool {
        if case .inactive = state { return suppressedUntil == nil }
        return false
    }

    /// An inactive alert with `rule`.
    public init(rule: AlertRule = AlertRule()) { self.rule = rule }

    /// Feeds one observation at `time`: the condition's severity, or nil when it is clear.
    public mutating func observe(_ condition: AlertSeverity?, at time: EventTime) -> Transition? {
        if let until = suppressedUntil {
            guard time >= until else { return nil }
            suppressedUntil = nil
        }
        switch state {
        case .coolingDown(let until):
            guard time >= until else { return nil }
            state = .inactive
            return observe(condition, at: time)
        case .inactive:
            guard let severity = condition else { return nil }
            state = .pending(since: time, severity: severity)
            return promote(at: time)
        case .pending(let since, let severity):
            guard let condition else {
                state = .inactive
                return nil
            }
            state = .pending(since: since, severity: max(severity, condition))
            return promote(at: time)
        case .firing(let since, let severity, let lastSeen):
            if let condition {
                state = .firing(since: since, severity: max(severity, condition), lastSeen: time)
                return condition > severity ? .escalated(startsAt: since, severity: condition) : nil
            }
            guard time - lastSeen >= rule.resolveAfter else { return nil }
            return resolve(since: since, severity: severity, at: time)
        }
    }

    /// Maintenance (hull cleaning, dry dock): resolves a firing alert at `time` and ignores
    /// observations for `grace`.
    public mutating func suppress(at time: EventTime, for grace: Duration) -> Transition? {
        suppressedUntil = time.advanced(by: grace)
        switch state {
        case .firing(let since, let severity, _):
            let transition = resolve(since: since, severity: severity, at: time)
            state = .inactive
            return transition
        default:
            state = .inactive
            return nil
        }
    }

    private mutating func promote(at time: EventTime) -> Transition? {
        guard case .pending(let since, let severity) = state, time - since >= rule.pendingFor else { return nil }
        state = .firing(since: since, severity: severity, lastSeen: time)
        return .fired(startsAt: since, severity: severity)
    }

    private mutating func resolve(since: EventTime, severity: AlertSeverity, at time: EventTime) -> Transition {
        state = .coolingDown(until: time.advanced(by: rule.cooldown))
        return .resolved(startsAt: since, endsAt: time, severity: severity)
    }


}
