/// A trained model of kind `linear-physics`: each target is an intercept plus a weighted sum
/// of ``PhysicsTerm``s, the weights fitted on a vessel type's history. The hull terms follow
/// the model's own ``PhysicsExponents``; a target may have terms of its own, and terms that
/// read predicted shaft power (fuel from the engine's curve) are evaluated after the shaft
/// power equation. It reads the catalogue inputs of ``PhysicsInputs/layout``. Built from an
/// approved artifact; pure and deterministic like every ``PredictionModel``.
public struct LinearPhysicsModel: PredictionModel {
    /// The fitted equation of one target.
    public struct Equation: Sendable, Equatable {
        /// The constant.
        public var intercept: Double
        /// One weight per term, in term order.
        public var coefficients: [Double]
        /// Residual standard deviation as a fraction of the prediction (on the holdout).
        public var relativeResidualDeviation: Double
        /// The equation's own terms; nil for the model's.
        public var terms: [PhysicsTerm]?

        /// An equation.
        public init(intercept: Double, coefficients: [Double], relativeResidualDeviation: Double, terms: [PhysicsTerm]? = nil) {
            self.intercept = intercept
            self.coefficients = coefficients
            self.relativeResidualDeviation = relativeResidualDeviation
            self.terms = terms
        }
    }

    public let identity: ModelIdentity
    /// The regressors of equations without terms of their own, in coefficient order.
    public let terms: [PhysicsTerm]
    /// The draught assumed when neither the report nor the vessel's state has one.
    public let assumedDraft: Double
    /// The hull terms' exponents.
    public let exponents: PhysicsExponents
    /// Installed power, kW, that the load-curve term measures load against.
    public let maxPower: Double
    /// Ships calibrated in training, by vessel id.
    public let calibrations: [String: VesselCalibration]
    private let equations: [Equation?]
    /// Targets in evaluation order: those reading predicted power last.
    private let order: [PredictionTarget]
    /// Whether any equation has a hull term (T^b·V^a is then computed once per report).
    private let readsHull: Bool
    /// Typical relative fuel residual per ``OperatingRegime/residualSlot`` in training.
    private let fuelBias: InlineArray<8, Double>

    /// A model predicting each target in `equations` (targets without one are left out), whose
    /// typical relative fuel residual in training was `fuelBias` by regime (missing: 0).
    public init(identity: ModelIdentity, terms: [PhysicsTerm], equations: [PredictionTarget: Equation], assumedDraft: Double,
                exponents: PhysicsExponents = .admiralty, maxPower: Double = .nan, calibrations: [String: VesselCalibration] = [:],
                fuelBias: [OperatingRegime: Double] = [:]) {
        precondition(equations.values.allSatisfy { $0.coefficients.count == ($0.terms ?? terms).count }, "one coefficient per term")
        self.identity = identity
        self.terms = terms
        self.assumedDraft = assumedDraft
        self.exponents = exponents
        self.maxPower = maxPower
        self.calibrations = calibrations
        self.equations = PredictionTarget.ordered.map { equations[$0] }
        let readsPower = { (target: PredictionTarget) in (equations[target]?.terms ?? terms).contains(where: \.readsPredictedPower) }
        order = PredictionTarget.ordered.filter { !readsPower($0) } + PredictionTarget.ordered.filter(readsPower)
        readsHull = equations.values.contains { ($0.terms ?? terms).contains(where: \.isHullTerm) }
        var bias = InlineArray<8, Double>(repeating: 0)
        for (regime, value) in fuelBias where value.isFinite { bias[regime.residualSlot] = value }
        self.fuelBias = bias
    }

    public func predict(_ report: Telemetry, state: borrowing VesselState) -> TargetValues? {
        guard let inputs = PhysicsInputs(report, state: state, assumedDraft: assumedDraft) else { return nil }
        return predict(inputs, calibration: calibration(for: report.vesselID))
    }

    /// The calibration of ship `vesselID`: its own when trained on, else the typical ship's.
    @inline(__always)
    public func calibration(for vesselID: String) -> VesselCalibration {
        calibrations.isEmpty ? .typical : calibrations[vesselID] ?? .typical
    }

    /// The targets for `inputs` of a ship with `calibration` (the type's typical ship by default).
    public func predict(_ inputs: PhysicsInputs, calibration: VesselCalibration = .typical) -> TargetValues {
        var values = TargetValues()
        let hull = readsHull ? PhysicsTerm.hullPower(inputs, exponents) : .nan
        for target in order {
            guard let equation = equations[target.rawValue] else { continue }
            let power = values[.shaftPower] ?? .nan
            let terms = equation.terms ?? self.terms
            var sum = 0.0
            var readsPower = false
            for index in terms.indices {
                let term = terms[index]
                let value = equation.coefficients[index] * term.value(inputs, hull: hull, power: power, maxPower: maxPower)
                sum += term.isHullTerm ? calibration.hull * value : value
                readsPower = readsPower || term.readsPredictedPower
            }
            values[target] = equation.intercept + (readsPower ? calibration.fuel * sum : sum)
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
