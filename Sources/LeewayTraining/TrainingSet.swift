import LeewayCore

/// The reports of one vessel type a model is fitted and scored on: under way, with both
/// targets measured, split by time into a fitting part and a later holdout.
public struct TrainingSet: Sendable {
    /// One usable report.
    public struct Row: Sendable {
        /// The vessel.
        public var vesselID: String
        /// When.
        public var eventTime: EventTime
        /// Its physics inputs.
        public var inputs: PhysicsInputs
        /// The measured targets.
        public var actuals: TargetValues
        /// The raw report, for reference distributions.
        public var report: Telemetry
    }

    /// Reports fitted on, in event-time order.
    public var fitting: [Row]
    /// Later reports held out for scoring.
    public var holdout: [Row]
    /// Reports seen of the type (before filtering).
    public var seen: Int

    /// Rows from `reports` of `type` between `from` and `to` (inclusive, when given) that are
    /// under way (≥ `minimumSpeed` knots), carry both targets and are not maintenance events;
    /// the last `holdoutFraction` of them by event time is the holdout.
    public init(_ reports: some Sequence<Telemetry>, type: VesselType, from: EventTime? = nil, to: EventTime? = nil,
                minimumSpeed: Double = 3, holdoutFraction: Double = 0.2, assumedDraft: Double) {
        var rows: [Row] = []
        var seen = 0
        let empty = VesselState(vesselID: "", vesselType: type)
        for report in reports where report.vesselType == type {
            if let from, report.eventTime < from { continue }
            if let to, report.eventTime > to { continue }
            seen += 1
            guard report.event == nil, (report[.speedThroughWater] ?? 0) >= minimumSpeed,
                  let inputs = PhysicsInputs(report, state: empty, assumedDraft: assumedDraft) else { continue }
            var actuals = TargetValues()
            for target in PredictionTarget.ordered { actuals[target] = report[target.actual] }
            guard PredictionTarget.ordered.allSatisfy({ actuals[$0] != nil }) else { continue }
            rows.append(Row(vesselID: report.vesselID, eventTime: report.eventTime, inputs: inputs, actuals: actuals, report: report))
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
