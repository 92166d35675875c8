/// Concept drift of one vessel's fuel model — hull fouling faster than modelled, engine
/// wear, a biased flow meter or speed log. Residuals are standardized (residual ÷ the
/// model's residual deviation), so one threshold means the same for a tug and a tanker, and
/// averaged per event-time hour at sea, which removes sensor noise. Every model errs a
/// little differently at different engine loads, so the vessel's reference level is kept
/// per operating regime (``regimes``: laden or ballast × speed band) and an hour is
/// compared with the reference of its own regime; hours that mix regimes are skipped.
/// After a regime's reference period the hourly deviation from it feeds a Page-Hinkley
/// test; the alert fires when Page-Hinkley signals a change *and* the level is off by
/// ``Settings/level`` or more, and resolves once the level has been back for the rule's
/// clear period. Maintenance resets the reference and suppresses alerts for a grace period.
public struct ResidualWatch: Sendable {
    /// Thresholds, shared by every vessel.
    public struct Settings: Sendable {
        /// Reports an hour needs to count.
        public var minimumReports = 10
        /// Hours that set the vessel's reference level before anything is tested.
        public var referenceHours = 6
        /// Page-Hinkley on hourly standardized deviations: delta 0.5 (half a deviation is
        /// tolerated), λ 4.
        public var detector = PageHinkley(minInstances: 2, delta: 0.5, threshold: 4)
        /// |hourly deviation| at which the level is abnormal (warning), in residual deviations.
        public var level = 1.5
        /// |hourly deviation| at which the alert is critical.
        public var criticalLevel = 3.0
        /// How fast the reference follows the level while nothing is wrong (per hour).
        public var referenceTracking = 0.02
        /// Firing, clearing and cooldown.
        public var rule = AlertRule(pendingFor: .zero, resolveAfter: .seconds(6 * 3600), cooldown: .seconds(12 * 3600))
        /// Alerts suppressed after maintenance.
        public var maintenanceGrace: Duration = .seconds(24 * 3600)

        /// The defaults.
        public init() {}
    }

    /// Regimes with a reference level of their own.
    public static let regimes = 8

    var hour: Int64 = .min
    var hourSum = 0.0, hourCount = 0.0
    /// The regime of the hour's reports, or -1 when they mixed regimes.
    var hourRegime = 0
    /// The regime of the last hour tested against its own reference, or -1.
    var lastReferenced = -1
    /// Reference level per regime, in residual deviations (single precision keeps the state small).
    var references = InlineArray<8, Float>(repeating: 0)
    var referenceCounts = InlineArray<8, UInt8>(repeating: 0)
    var detector: PageHinkley
    /// The alert's lifecycle.
    public internal(set) var lifecycle: AlertLifecycle
    /// The last hourly deviation, in residual deviations.
    public internal(set) var lastDeviation = 0.0

    /// A watch with no history.
    public init(settings: Settings = Settings()) {
        detector = settings.detector
        lifecycle = AlertLifecycle(rule: settings.rule)
    }

    /// Adds the standardized residual of an in-order report at sea in `regime`
    /// (0..<``regimes``); returns the alert's transition when an hour closes and changes it.
    public mutating func observe(_ z: Double, at time: EventTime, regime: Int = 0, settings: Settings) -> AlertLifecycle.Transition? {
        let slot = time.microseconds.floorDivided(by: 3_600_000_000).quotient
        var transition: AlertLifecycle.Transition?
        if slot != hour {
            if slot < hour { return nil }
            transition = closeHour(settings: settings)
            hour = slot
            hourSum = 0
            hourCount = 0
            hourRegime = regime
        }
        if regime != hourRegime { hourRegime = -1 }
        hourSum += z
        hourCount += 1
        return transition
    }

    /// Maintenance at `time`: a new reference, alerts suppressed for the grace period.
    public mutating func maintenance(at time: EventTime, settings: Settings) -> AlertLifecycle.Transition? {
        references = InlineArray(repeating: 0)
        referenceCounts = InlineArray(repeating: 0)
        lastReferenced = -1
        detector = settings.detector
        hourSum = 0
        hourCount = 0
        return lifecycle.suppress(at: time, for: settings.maintenanceGrace)
    }

    private mutating func closeHour(settings: Settings) -> AlertLifecycle.Transition? {
        guard hour != .min, hourCount >= Double(settings.minimumReports), hourRegime >= 0 else { return nil }
        let mean = hourSum / hourCount
        let end = EventTime(microseconds: (hour + 1) * 3_600_000_000)
        let regime = hourRegime
        let owned = Int(referenceCounts[regime]) >= settings.referenceHours
        // A regime without its reference yet: learn it, unless an alert is firing — then the
        // hours may carry the fault, so they are compared with the last reference in use
        // (residuals arrive corrected for the model's regime bias) and teach nothing.
        guard owned || (lifecycle.isFiring && lastReferenced >= 0) else {
            referenceCounts[regime] += 1
            references[regime] += Float((mean - Double(references[regime])) / Double(referenceCounts[regime]))
            return nil
        }
        let used = owned ? regime : lastReferenced
        lastReferenced = used
        let deviation = mean - Double(references[used])
        lastDeviation = deviation
        let changed = detector.update(deviation)
        let level = abs(deviation)
        let severity: AlertSeverity? = level >= settings.criticalLevel ? .critical : level >= settings.level ? .warning : nil
        let firing = lifecycle.isFiring
        let condition = firing || changed ? severity : nil
        // Follow slow, harmless change (seasons, a new trade) only while the level is normal.
        if severity == nil, !firing, owned { references[regime] += Float(settings.referenceTracking * (mean - Double(references[regime]))) }
        return lifecycle.observe(condition, at: end)
    }
}
