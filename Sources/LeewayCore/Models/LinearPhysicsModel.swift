/// A trained model of kind `linear-physics`: each target is an intercept plus a weighted sum
/// of ``PhysicsTerm``s, the weights fitted on a vessel type's history. Built from an approved
/// artifact; pure and deterministic like every ``PredictionModel``.
public struct LinearPhysicsModel: PredictionModel {
    /// The fitted equation of one target.
    public struct Equation: Sendable, Equatable {
        /// The constant.
        public var intercept: Double
        /// One weight per term of the model, in the model's term order.
        public var coefficients: [Double]
        /// Residual standard deviation as a fraction of the prediction (on the holdout).
        public var relativeResidualDeviation: Double

        /// An equation.
        public init(intercept: Double, coefficients: [Double], relativeResidualDeviation: Double) {
            self.intercept = intercept
            self.coefficients = coefficients
            self.relativeResidualDeviation = relativeResidualDeviation
        }
    }

    public let identity: ModelIdentity
    /// The regressors, in coefficient order.
    public let terms: [PhysicsTerm]
    /// The draught assumed when neither the report nor the vessel's state has one.
    public let assumedDraft: Double
    private let equations: [Equation?]
    /// Typical relative fuel residual per ``OperatingRegime/residualSlot`` in training.
    private let fuelBias: InlineArray<8, Double>

    /// A model predicting each target in `equations` (targets without one are left out), whose
    /// typical relative fuel residual in training was `fuelBias` by regime (missing: 0).
    public init(identity: ModelIdentity, terms: [PhysicsTerm], equations: [PredictionTarget: Equation], assumedDraft: Double,
                fuelBias: [OperatingRegime: Double] = [:]) {
        precondition(equations.values.allSatisfy { $0.coefficients.count == terms.count }, "one coefficient per term")
        self.identity = identity
        self.terms = terms
        self.assumedDraft = assumedDraft
        self.equations = PredictionTarget.ordered.map { equations[$0] }
        var bias = InlineArray<8, Double>(repeating: 0)
        for (regime, value) in fuelBias where value.isFinite { bias[regime.residualSlot] = value }
        self.fuelBias = bias
    }

    public func predict(_ report: Telemetry, state: borrowing VesselState) -> TargetValues? {
        guard let inputs = PhysicsInputs(report, state: state, assumedDraft: assumedDraft) else { return nil }
        return predict(inputs)
    }

    /// The targets for `inputs`.
    public func predict(_ inputs: PhysicsInputs) -> TargetValues {
        var values = TargetValues()
        for target in PredictionTarget.ordered {
            guard let equation = equations[target.rawValue] else { continue }
            var sum = equation.intercept
            for index in terms.indices { sum += equation.coefficients[index] * terms[index].value(inputs) }
            values[target] = sum
        }
        return values
    }

    public func residualBias(_ target: PredictionTarget, regime: OperatingRegime) -> Double {
        target == .fuelRate ? fuelBias[regime.residualSlot] : 0
    }

    public func residualDeviation(_ target: PredictionTarget, predicted: Double) -> Double {
        let relative = equations[target.rawValue]?.relativeResidualDeviation ?? PhysicsBaseline.relativeResidualDeviation
        return max(relative * abs(predicted), 1e-6)
    }
}
