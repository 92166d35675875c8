/// A target's quality on the holdout.
public struct TargetMetrics: Codable, Sendable, Equatable {
    /// The target's name.
    public var target: String
    /// Mean absolute error.
    public var mae: Double
    /// Root mean squared error.
    public var rmse: Double
    /// Coefficient of determination.
    public var rSquared: Double
    /// Mean residual (actual − predicted) per speed band.
    public var biasBySpeedBand: [BandBias]

    /// Metrics from their members.
    public init(target: String, mae: Double, rmse: Double, rSquared: Double, biasBySpeedBand: [BandBias]) {
        self.target = target
        self.mae = mae
        self.rmse = rmse
        self.rSquared = rSquared
        self.biasBySpeedBand = biasBySpeedBand
    }
}

/// Mean residual in one speed band.
public struct BandBias: Codable, Sendable, Equatable {
    /// The band (``OperatingRegime/SpeedBand`` name).
    public var band: String
    /// Holdout reports in it.
    public var records: Int
    /// Mean actual − predicted.
    public var bias: Double
    /// Bias as a fraction of the mean actual value.
    public var relativeBias: Double

    /// A band's bias from its members.
    public init(band: String, records: Int, bias: Double, relativeBias: Double) {
        self.band = band
        self.records = records
        self.bias = bias
        self.relativeBias = relativeBias
    }
}
