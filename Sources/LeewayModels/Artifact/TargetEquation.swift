/// One predicted target: its residual deviations on the holdout and, for `linear-physics`,
/// its fitted equation (other kinds have no intercept or coefficients, written as absent).
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

    /// A target of a model without an equation (`onnx`): intercept 0, no coefficients.
    public init(name: String, unit: String, residualStd: Double, relativeResidualStd: Double) {
        self.init(name: name, unit: unit, intercept: 0, coefficients: [], residualStd: residualStd,
                  relativeResidualStd: relativeResidualStd)
    }

    private enum CodingKeys: String, CodingKey {
        case name, unit, intercept, features, coefficients, residualStd, relativeResidualStd
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        unit = try c.decode(String.self, forKey: .unit)
        intercept = try c.decodeIfPresent(Double.self, forKey: .intercept) ?? 0
        features = try c.decodeIfPresent([String].self, forKey: .features)
        coefficients = try c.decodeIfPresent([Double].self, forKey: .coefficients) ?? []
        residualStd = try c.decode(Double.self, forKey: .residualStd)
        relativeResidualStd = try c.decode(Double.self, forKey: .relativeResidualStd)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(unit, forKey: .unit)
        if !coefficients.isEmpty {
            try c.encode(intercept, forKey: .intercept)
            try c.encode(coefficients, forKey: .coefficients)
        }
        try c.encodeIfPresent(features, forKey: .features)
        try c.encode(residualStd, forKey: .residualStd)
        try c.encode(relativeResidualStd, forKey: .relativeResidualStd)
    }
}
