/// How the drift watch reads a trained model's residuals, whatever its kind: the relative
/// residual deviation per target and the typical relative fuel residual per regime, both
/// measured on its training data.
public struct ResidualScale: Sendable, Equatable {
    /// Relative residual deviation per target (missing: ``PhysicsBaseline/relativeResidualDeviation``).
    public var relativeDeviations: [PredictionTarget: Double]
    private var fuelBias: InlineArray<8, Double>

    /// A scale from its parts (non-finite biases count as 0).
    public init(relativeDeviations: [PredictionTarget: Double] = [:], fuelBias: [OperatingRegime: Double] = [:]) {
        self.relativeDeviations = relativeDeviations
        var bias = InlineArray<8, Double>(repeating: 0)
        for (regime, value) in fuelBias where value.isFinite { bias[regime.residualSlot] = value }
        self.fuelBias = bias
    }

    /// The residual deviation of `target` at a prediction of `predicted`.
    public func deviation(_ target: PredictionTarget, predicted: Double) -> Double {
        max((relativeDeviations[target] ?? PhysicsBaseline.relativeResidualDeviation) * abs(predicted), 1e-6)
    }

    /// The typical relative residual of `target` in `regime`.
    public func bias(_ target: PredictionTarget, regime: OperatingRegime) -> Double {
        target == .fuelRate ? fuelBias[regime.residualSlot] : 0
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.relativeDeviations == b.relativeDeviations && (0..<8).allSatisfy { a.fuelBias[$0] == b.fuelBias[$0] }
    }
}
