/// The per-report pass, pure and synchronous: account for the report in its vessel's state,
/// predict with the type's model, and say what to publish. Deterministic: the same state,
/// report and models give the same outcome.
///
/// It runs in two steps so that batch models answer a whole poll batch at once:
/// ``apply(_:offset:ingestedAt:state:batches:)`` updates the state and, for a batched type,
/// adds the report's input row to its type's batch; ``finish(_:answer:state:)`` then makes
/// the prediction and feeds the drift watch. Only the drift watch changes the state between
/// the two, so the outcome does not depend on where a poll batch ends. ``run(_:offset:ingestedAt:state:)``
/// does both for models that answer in process.
public struct VesselPass: Sendable {
    /// How features are kept.
    public var policy: FeaturePolicy
    /// Event time between a vessel's published feature records.
    public var featuresEvery: Duration
    /// The serving models.
    public var models: ModelCatalog
    /// Thresholds of the per-vessel fuel-model drift watch.
    public var drift = ResidualWatch.Settings()

    /// A pass with the given policy, cadence and models.
    public init(policy: FeaturePolicy = FeaturePolicy(), featuresEvery: Duration = .seconds(600),
                models: ModelCatalog = ModelCatalog()) {
        self.policy = policy
        self.featuresEvery = featuresEvery
        self.models = models
    }

    /// What one report led to.
    public struct Outcome: Sendable {
        /// What the state made of it.
        public var admission: Admission
        /// The prediction, for an applied report the model could answer.
        public var prediction: Prediction?
        /// Whether the vessel's features are due for publishing.
        public var publishFeatures: Bool
        /// Drift and data-quality alerts that fired, escalated or resolved with this report.
        public var alerts: [DriftAlert]
    }

    /// Runs both steps for `report`, read at input `offset`, which entered Kafka at
    /// `ingestedAt`. A type served by a batch model is answered by its baseline, flagged
    /// `fallback_model`: batch models answer through ``apply(_:offset:ingestedAt:state:batches:)``.
    public func run(_ report: Telemetry, offset: Int64, ingestedAt: EventTime, state: inout VesselState) -> Outcome {
        var batches = PendingRows()
        let applied = apply(report, offset: offset, ingestedAt: ingestedAt, state: &state, batches: &batches)
        return finish(applied, answer: applied.batchRow == nil ? .inline : .fallback, state: &state)
    }
}

extension VesselPass {
    /// A report applied to its vessel's state, its prediction still to be made.
    public struct Applied: Sendable {
        /// What the state made of it.
        public var admission: Admission
        /// Its row in its type's batch, when a batch model is to answer it.
        public var batchRow: Int?
        /// Whether the vessel's features are due for publishing (they are the state's now).
        public var publishFeatures: Bool
        let report: Telemetry
        let ingestedAt: EventTime
        let newest: Bool
        let featureTime: EventTime
        let regime: OperatingRegime
        /// The in-process answer: the inline model's, or for a batched type its baseline's.
        let inline: TargetValues?
        /// Speed-log and stuck-sensor transitions.
        let checks: [DriftAlert]
    }

    /// Step one: admits `report` into `state`, runs the checks that need no prediction and,
    /// for a type served by a batch model, appends its input row to `batches`.
    public func apply(_ report: Telemetry, offset: Int64, ingestedAt: EventTime, state: inout VesselState,
                      batches: inout PendingRows) -> Applied {
        let newest = state.count == 0 || report.eventTime >= state.lastEventTime
        let admission = state.admit(report, offset: offset, policy: policy)
        let served = models.served(for: report.vesselType)
        guard admission == .applied else {
            return Applied(admission: admission, batchRow: nil, publishFeatures: false, report: report, ingestedAt: ingestedAt,
                           newest: newest, featureTime: state.lastEventTime, regime: state.regime, inline: nil, checks: [])
        }
        let inline: TargetValues?
        var row: Int?
        switch served {
        case .inline(let model):
            inline = model.predict(report, state: state)
        case .batched(let model, let baseline):
            inline = baseline.predict(report, state: state)
            row = batches.append(report.vesselType, model.layout, report, state: state)
        }
        let due = newest && state.lastEventTime - state.featuresPublishedAt >= featuresEvery
        if due { state.featuresPublishedAt = state.lastEventTime }
        var checks: [DriftAlert] = []
        if newest {
            if let transition = state.speedLog.observe(report) {
                checks.append(DriftAlert.speedLog(transition, vessel: state, model: served.identity))
            }
            for (field, transition) in state.sensors.observe(report) {
                checks.append(DriftAlert.stuckSensor(transition, field: field, vessel: state, model: served.identity))
            }
        }
        return Applied(admission: admission, batchRow: row, publishFeatures: due, report: report, ingestedAt: ingestedAt,
                       newest: newest, featureTime: state.lastEventTime, regime: state.regime, inline: inline, checks: checks)
    }

    /// What answers an applied report.
    public enum Answer: Sendable {
        /// Its type's in-process model (already computed in step one).
        case inline
        /// Its type's batch model, with these targets.
        case batched(TargetValues)
        /// Its type's batch model gave none: the baseline's answer, flagged.
        case fallback
    }

    /// Step two: the prediction from `answer`, and the fuel drift watch fed with it. A
    /// fallback prediction does not feed the watch: its residuals are the baseline's, not
    /// the approved model's.
    public func finish(_ applied: Applied, answer: Answer, state: inout VesselState) -> Outcome {
        guard applied.admission == .applied else {
            return Outcome(admission: applied.admission, prediction: nil, publishFeatures: false, alerts: [])
        }
        let report = applied.report
        let served = models.served(for: report.vesselType)
        var quality: PredictionQuality = []
        let targets: TargetValues?
        let model: any FleetModel
        switch (answer, served) {
        case (.batched(let values), .batched(let batchModel, _)) where PredictionTarget.ordered.contains(where: { values[$0] != nil }):
            targets = values
            model = batchModel
        case (.batched, .batched(_, let baseline)), (.fallback, .batched(_, let baseline)):
            // No answer, or none that is a finite number: the baseline's, flagged.
            targets = applied.inline
            model = baseline
            quality = [.baselineModel, .fallbackModel]
        default:
            targets = applied.inline
            model = served.fleetModel
        }
        var prediction: Prediction?
        if let targets {
            var actuals = TargetValues()
            for target in PredictionTarget.ordered { actuals[target] = report[target.actual] }
            if model.identity.version == 0 { quality.insert(.baselineModel) }
            if !applied.newest { quality.insert(.outOfOrder) }
            if report[.draft] == nil { quality.insert(.draftAssumed) }
            if report[.daysSinceHullCleaning] == nil { quality.insert(.foulingAssumed) }
            prediction = Prediction(vesselID: report.vesselID, vesselType: report.vesselType, eventTime: report.eventTime,
                                    producedAt: applied.ingestedAt, model: model.identity, targets: targets, actuals: actuals,
                                    featureTime: applied.featureTime, quality: quality)
        }
        let watched = quality.contains(.fallbackModel) ? nil : prediction
        var alerts = watchDrift(report, watched, model, newest: applied.newest, regime: applied.regime, state: &state)
            .map { [$0] } ?? []
        alerts += applied.checks
        return Outcome(admission: applied.admission, prediction: prediction, publishFeatures: applied.publishFeatures, alerts: alerts)
    }
}

extension VesselPass {
    /// Feeds the fuel-model drift watch: maintenance resets it; an in-order report at sea
    /// with a fuel reading adds its standardized residual.
    private func watchDrift(_ report: Telemetry, _ prediction: Prediction?, _ model: any FleetModel, newest: Bool,
                            regime: OperatingRegime, state: inout VesselState) -> DriftAlert? {
        let transition: AlertLifecycle.Transition?
        if report.event != nil {
            transition = state.fuelDrift.maintenance(at: report.eventTime, settings: drift)
        } else if newest, let prediction, (report[.speedThroughWater] ?? 0) >= policy.minimumSpeedForAdmiralty,
                  let residual = prediction.residual(.fuelRate), let predicted = prediction.targets[.fuelRate], predicted > 0 {
            let bias = model.residualBias(.fuelRate, regime: regime) * predicted
            let z = (residual - bias) / model.residualDeviation(.fuelRate, predicted: predicted)
            transition = state.fuelDrift.observe(z, at: report.eventTime, regime: regime.residualSlot, settings: drift)
        } else {
            transition = nil
        }
        return transition.map {
            DriftAlert.fuelResidual($0, vessel: state, model: model.identity, settings: drift,
                                    relativeDeviation: model.residualDeviation(.fuelRate, predicted: 1))
        }
    }
}
