/// One prediction for one report: what the model expected, what the ship measured, and how
/// far apart they were. Encoded as prediction record v1 (`topics/schemas/prediction.v1.schema.json`).
public struct Prediction: Sendable, Equatable {
    /// The vessel's id.
    public var vesselID: String
    /// Its type.
    public var vesselType: VesselType
    /// The report's event time.
    public var eventTime: EventTime
    /// When the report entered Kafka (its record timestamp): deterministic, so a replay
    /// repeats the prediction byte for byte. The prediction record's own Kafka timestamp
    /// says when it was made.
    public var producedAt: EventTime
    /// The model that made it.
    public var model: ModelIdentity
    /// The predicted targets.
    public var targets: TargetValues
    /// The report's measured values of the targets, where it carried them.
    public var actuals: TargetValues
    /// The newest event time reflected in the features used.
    public var featureTime: EventTime
    /// How it was made.
    public var quality: PredictionQuality

    /// A prediction from its members.
    public init(vesselID: String, vesselType: VesselType, eventTime: EventTime, producedAt: EventTime, model: ModelIdentity,
                targets: TargetValues, actuals: TargetValues, featureTime: EventTime, quality: PredictionQuality) {
        self.vesselID = vesselID
        self.vesselType = vesselType
        self.eventTime = eventTime
        self.producedAt = producedAt
        self.model = model
        self.targets = targets
        self.actuals = actuals
        self.featureTime = featureTime
        self.quality = quality
    }

    /// Actual minus predicted, for each target the report measured.
    public func residual(_ target: PredictionTarget) -> Double? {
        guard let actual = actuals[target], let predicted = targets[target] else { return nil }
        return actual - predicted
    }
}
