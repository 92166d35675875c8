/// Data quality of one vessel type's feed: the share of its records refused for values out
/// of range, per hour, against the type's own usual share. A spike — a firmware update
/// writing a field in the wrong unit, a gateway corrupting numbers — fires when an hour has
/// at least ``Settings/minimumRejections`` such records and a share of at least
/// ``Settings/minimumRate`` and ``Settings/factor`` times the usual one.
public struct OutOfRangeRate: Sendable {
    /// Thresholds, shared by every type.
    public struct Settings: Sendable {
        /// Fewest out-of-range records in an hour for a spike.
        public var minimumRejections = 20
        /// Lowest share that can be a spike (warning).
        public var minimumRate = 0.05
        /// Share that makes a spike critical.
        public var criticalRate = 0.25
        /// How many times the usual share a spike must be.
        public var factor = 5.0
        /// Weight of each normal hour in the usual share.
        public var smoothing = 0.1
        /// Hours that set the usual share (their plain mean) before anything can fire.
        public var warmUpHours = 3
        /// Firing and clearing.
        public var rule = AlertRule(pendingFor: .zero, resolveAfter: .seconds(3 * 3600), cooldown: .seconds(6 * 3600))

        /// The defaults.
        public init() {}
    }

    var hour: Int64 = .min
    var records = 0, rejected = 0, hoursSeen = 0
    /// The usual hourly share of out-of-range records.
    public private(set) var usualRate = 0.0
    /// The last closed hour's share.
    public private(set) var lastRate = 0.0
    /// The alert's lifecycle.
    public private(set) var lifecycle: AlertLifecycle

    /// A type with no history.
    public init(settings: Settings = Settings()) { lifecycle = AlertLifecycle(rule: settings.rule) }

    /// Counts one record at `time` (its Kafka timestamp), refused for a value out of range or
    /// not; returns the alert's transition when an hour closes and changes it.
    public mutating func observe(outOfRange: Bool, at time: EventTime, settings: Settings) -> AlertLifecycle.Transition? {
        let slot = time.microseconds.floorDivided(by: 3_600_000_000).quotient
        var transition: AlertLifecycle.Transition?
        if slot > hour {
            transition = closeHour(settings: settings)
            hour = slot
            records = 0
            rejected = 0
        }
        records += 1
        if outOfRange { rejected += 1 }
        return transition
    }

    private mutating func closeHour(settings: Settings) -> AlertLifecycle.Transition? {
        guard hour != .min, records > 0 else { return nil }
        let rate = Double(rejected) / Double(records)
        lastRate = rate
        guard hoursSeen >= settings.warmUpHours else {
            hoursSeen += 1
            usualRate += (rate - usualRate) / Double(hoursSeen)
            return nil
        }
        let spike = rejected >= settings.minimumRejections && rate >= settings.minimumRate && rate >= settings.factor * usualRate
        let severity: AlertSeverity? = spike ? (rate >= settings.criticalRate ? .critical : .warning) : nil
        if !spike { usualRate += settings.smoothing * (rate - usualRate) }
        return lifecycle.observe(severity, at: EventTime(microseconds: (hour + 1) * 3_600_000_000))
    }
}
