/// One target's fitted equation.
public struct TargetEquation: Codable, Sendable, Equatable {
    /// The prediction record's name, e.g. `fuel_rate_tph`.
    public var name: String
    /// Unit, e.g. `t/h`.
    public var unit: String
    /// The constant.
    public var intercept: Double
    /// The equation's own regressors, by ``PhysicsTerm`` name (absent: the artifact's `features`).
    public var features: [String]?
    /// One weight per feature.
    public var coefficients: [Double]
    /// Residual standard deviation on the holdout, in the target's unit.
    public var residualStd: Double
    /// Residual standard deviation on the holdout as a fraction of the prediction: what drift
    /// detection standardizes residuals with.
    public var relativeResidualStd: Double

    /// An equation from its members.
    public init(name: String, unit: String, intercept: Double, features: [String]? = nil, coefficients: [Double],
                residualStd: Double, relativeResidualStd: Double) {
        self.features = features
        self.name = name
        self.unit = unit
        self.intercept = intercept
        self.coefficients = coefficients
        self.residualStd = residualStd
        self.relativeResidualStd = relativeResidualStd
    }
}
