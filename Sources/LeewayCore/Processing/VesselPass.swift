/// The per-report pass, pure and synchronous: account for the report in its vessel's state,
/// predict with the type's model, and say what to publish. Deterministic: the same state,
/// report and models give the same outcome.
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

    /// Runs the pass for `report`, read at input `offset`, which entered Kafka at `ingestedAt`.
    public func run(_ report: Telemetry, offset: Int64, ingestedAt: EventTime, state: inout VesselState) -> Outcome {
        let newest = state.count == 0 || report.eventTime >= state.lastEventTime
        let admission = state.admit(report, offset: offset, policy: policy)
        guard admission == .applied else { return Outcome(admission: admission, prediction: nil, publishFeatures: false, alerts: []) }
        let model = models.model(for: report.vesselType)
        var prediction: Prediction?
        if let targets = model.predict(report, state: state) {
            var actuals = TargetValues()
            for target in PredictionTarget.ordered { actuals[target] = report[target.actual] }
            var quality: PredictionQuality = model.identity.version == 0 ? .baselineModel : []
            if !newest { quality.insert(.outOfOrder) }
            if report[.draft] == nil { quality.insert(.draftAssumed) }
            if report[.daysSinceHullCleaning] == nil { quality.insert(.foulingAssumed) }
            prediction = Prediction(vesselID: report.vesselID, vesselType: report.vesselType, eventTime: report.eventTime,
                                    producedAt: ingestedAt, model: model.identity, targets: targets, actuals: actuals,
                                    featureTime: state.lastEventTime, quality: quality)
        }
        let due = newest && state.lastEventTime - state.featuresPublishedAt >= featuresEvery
        if due { state.featuresPublishedAt = state.lastEventTime }
        var alerts = watchDrift(report, prediction, model, newest: newest, state: &state).map { [$0] } ?? []
        if newest {
            if let transition = state.speedLog.observe(report) {
                alerts.append(DriftAlert.speedLog(transition, vessel: state, model: model.identity))
            }
            for (field, transition) in state.sensors.observe(report) {
                alerts.append(DriftAlert.stuckSensor(transition, field: field, vessel: state, model: model.identity))
            }
        }
        return Outcome(admission: admission, prediction: prediction, publishFeatures: due, alerts: alerts)
    }
}

extension VesselPass {
    /// Feeds the fuel-model drift watch: maintenance resets it; an in-order report at sea
    /// with a fuel reading adds its standardized residual.
    private func watchDrift(_ report: Telemetry, _ prediction: Prediction?, _ model: any PredictionModel, newest: Bool,
                            state: inout VesselState) -> DriftAlert? {
        let transition: AlertLifecycle.Transition?
        if report.event != nil {
            transition = state.fuelDrift.maintenance(at: report.eventTime, settings: drift)
        } else if newest, let prediction, (report[.speedThroughWater] ?? 0) >= policy.minimumSpeedForAdmiralty,
                  let residual = prediction.residual(.fuelRate), let predicted = prediction.targets[.fuelRate], predicted > 0 {
            let bias = model.residualBias(.fuelRate, regime: state.regime) * predicted
            let z = (residual - bias) / model.residualDeviation(.fuelRate, predicted: predicted)
            transition = state.fuelDrift.observe(z, at: report.eventTime, regime: state.regime.residualSlot, settings: drift)
        } else {
            transition = nil
        }
        return transition.map {
            DriftAlert.fuelResidual($0, vessel: state, model: model.identity, settings: drift,
                                    relativeDeviation: model.residualDeviation(.fuelRate, predicted: 1))
        }
    }
}
