/// A model serving one vessel type, whatever its kind: which model it is, and how the fuel
/// drift watch reads its residuals.
public protocol FleetModel: Sendable {
    /// Which model this is.
    var identity: ModelIdentity { get }
    /// The residual standard deviation drift detection divides residuals of `target` by,
    /// for a prediction of `predicted`.
    func residualDeviation(_ target: PredictionTarget, predicted: Double) -> Double
    /// The model's typical relative residual (actual ÷ predicted − 1) of `target` in `regime`,
    /// from its training data: drift detection subtracts it, so that a regime where the model
    /// always errs a little is not mistaken for drift.
    func residualBias(_ target: PredictionTarget, regime: OperatingRegime) -> Double
}

extension FleetModel {
    /// By default ``PhysicsBaseline/relativeResidualDeviation`` of the prediction.
    public func residualDeviation(_ target: PredictionTarget, predicted: Double) -> Double {
        max(PhysicsBaseline.relativeResidualDeviation * abs(predicted), 1e-6)
    }

    /// By default none.
    public func residualBias(_ target: PredictionTarget, regime: OperatingRegime) -> Double { 0 }
}

/// A model for one vessel type that answers one report at a time, in process: predicts
/// every ``PredictionTarget`` at once from a report and the vessel's features. Pure and
/// deterministic: the same inputs give the same values.
public protocol PredictionModel: FleetModel {
    /// The targets for `report`, given the vessel's state after applying it; nil when the
    /// report lacks what the model needs (no speed through water, say).
    func predict(_ report: Telemetry, state: borrowing VesselState) -> TargetValues?
}
