/// Data drift of one feature of one vessel type in one operating regime: the recent
/// event-time window of values against the model's training reference. Every `step` of
/// event time the window is tested with PSI over the reference deciles and a two-sample
/// Kolmogorov–Smirnov test against its percentiles; both must agree for the condition to
/// hold (PSI ≥ 0.1 warning, ≥ 0.25 critical, KS p < 0.01), on at least `minimumSample` values.
public struct DataDriftWatch: Sendable {
    /// Thresholds, shared by every watch.
    public struct Settings: Sendable {
        /// The sliding window (with one value per vessel-hour, 72 h gather enough to test).
        public var window: Duration = .seconds(72 * 3600)
        /// How often the window is tested.
        public var step: Duration = .seconds(3600)
        /// Fewest values in the window for a test.
        public var minimumSample = 100
        /// Most values kept (the oldest are dropped first): bounds memory per watch.
        public var capacity = 4096
        /// PSI at which the condition is a warning.
        public var warningPSI = PopulationStability.warning
        /// PSI at which it is critical.
        public var criticalPSI = PopulationStability.alert
        /// Firing, clearing and cooldown: two consecutive abnormal tests before firing.
        public var rule = AlertRule(pendingFor: .seconds(3600), resolveAfter: .seconds(6 * 3600), cooldown: .seconds(12 * 3600))

        /// The defaults.
        public init() {}

    }

    /// The last test's outcome.
    public struct Test: Sendable, Equatable {
        /// Population stability index of the window against the reference.
        public var psi: Double
        /// Kolmogorov–Smirnov statistic and p-value.
        public var ks: (statistic: Double, pValue: Double)
        /// Values tested.
        public var sample: Int

        public static func == (a: Self, b: Self) -> Bool {
            a.psi == b.psi && a.ks.statistic == b.ks.statistic && a.ks.pValue == b.ks.pValue && a.sample == b.sample
        }
    }

    private var times: [Int64] = []
    private var values: [Double] = []
    private var nextTest: Int64 = .min
    /// The alert's lifecycle.
    public private(set) var lifecycle: AlertLifecycle
    /// The most recent test.
    public private(set) var lastTest: Test?

    /// An empty watch.
    public init(settings: Settings = Settings()) {
        lifecycle = AlertLifecycle(rule: settings.rule)
    }

    /// Adds `value` observed at `time`; when a test falls due, runs it against `reference`
    /// and returns the alert's transition, if any.
    public mutating func observe(_ value: Double, at time: EventTime, reference: ReferenceDistribution,
                                 settings: Settings) -> AlertLifecycle.Transition? {
        let now = time.microseconds
        if nextTest == .min { nextTest = now + settings.step.microseconds }
        if values.count >= settings.capacity {
            // Drop the oldest half at once: amortized constant time per value.
            times.removeFirst(values.count / 2)
            values.removeFirst(values.count / 2)
        }
        times.append(now)
        values.append(value)
        guard now >= nextTest else { return nil }
        nextTest = now + settings.step.microseconds
        let since = now - settings.window.microseconds
        let start = times.firstIndex { $0 >= since } ?? times.count
        if start > 0 {
            times.removeFirst(start)
            values.removeFirst(start)
        }
        guard values.count >= settings.minimumSample, let percentiles = reference.percentiles else { return nil }
        let test = Test(psi: PopulationStability.index(values, against: reference),
                        ks: KolmogorovSmirnov.test(values, percentiles), sample: values.count)
        lastTest = test
        let shifted = test.ks.pValue < KolmogorovSmirnov.significance
        let severity: AlertSeverity? = !shifted ? nil
            : test.psi >= settings.criticalPSI ? .critical : test.psi >= settings.warningPSI ? .warning : nil
        return lifecycle.observe(severity, at: time)
    }
}
