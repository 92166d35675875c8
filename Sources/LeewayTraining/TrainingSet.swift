import LeewayCore

/// The reports of one vessel type a model is fitted and scored on: under way, with both
/// targets measured, split by time into a fitting part and a later holdout. Every report of
/// the history (every type, before the window too) is replayed through the processor's
/// feature updater (``VesselState/admit(_:offset:policy:)``) in the order read, so each
/// row's inputs are the ones the processor computes for that report in service: point in
/// time, with the same late and duplicate reports refused.
public struct TrainingSet: Sendable {
    /// One usable report.
    public struct Row: Sendable {
        /// The vessel.
        public var vesselID: String
        /// When.
        public var eventTime: EventTime
        /// Its physics inputs.
        public var inputs: PhysicsInputs
        /// Every feature-catalogue input (``ModelInput/ordered``), NaN where missing.
        public var features: [Double]
        /// The measured targets.
        public var actuals: TargetValues
        /// The raw report, for reference distributions.
        public var report: Telemetry
        /// The vessel's regime after the report (loading and speed band).
        public var regime: OperatingRegime
    }

    /// Reports fitted on, in event-time order.
    public var fitting: [Row]
    /// Later reports held out for scoring.
    public var holdout: [Row]
    /// Reports seen of the type (before filtering).
    public var seen: Int

    /// Rows from `reports` (in the order read) of `type` between `from` and `to` (inclusive,
    /// when given) that the feature updater applied, are under way (≥ `minimumSpeed` knots),
    /// carry both targets and are not maintenance events; the last `holdoutFraction` of them
    /// by event time is the holdout.
    public init(_ reports: some Sequence<Telemetry>, type: VesselType, from: EventTime? = nil, to: EventTime? = nil,
                minimumSpeed: Double = 3, holdoutFraction: Double = 0.2, assumedDraft: Double,
                policy: FeaturePolicy = FeaturePolicy()) {
        var rows: [Row] = []
        var seen = 0
        var states: [String: VesselState] = [:]
        let catalogue = InputLayout(ModelInput.ordered)
        for (offset, report) in reports.enumerated() {
            let id = report.vesselID
            let admission = states[id, default: VesselState(vesselID: id, vesselType: report.vesselType)]
                .admit(report, offset: Int64(offset), policy: policy)
            guard report.vesselType == type else { continue }
            if let from, report.eventTime < from { continue }
            if let to, report.eventTime > to { continue }
            seen += 1
            guard admission == .applied, report.event == nil, (report[.speedThroughWater] ?? 0) >= minimumSpeed,
                  let state = states[id], let inputs = PhysicsInputs(report, state: state, assumedDraft: assumedDraft) else { continue }
            var actuals = TargetValues()
            for target in PredictionTarget.ordered { actuals[target] = report[target.actual] }
            guard PredictionTarget.ordered.allSatisfy({ actuals[$0] != nil }) else { continue }
            rows.append(Row(vesselID: id, eventTime: report.eventTime, inputs: inputs, features: catalogue.vector(report, state: state),
                            actuals: actuals, report: report, regime: state.regime))
        }
        rows.sort { ($0.eventTime, $0.vesselID) < ($1.eventTime, $1.vesselID) }
        let cut = rows.count - Int((Double(rows.count) * holdoutFraction).rounded())
        fitting = Array(rows[..<cut])
        holdout = Array(rows[cut...])
        self.seen = seen
    }

    /// Distinct vessels among all rows.
    public var vessels: Int { Set((fitting + holdout).map(\.vesselID)).count }
}
