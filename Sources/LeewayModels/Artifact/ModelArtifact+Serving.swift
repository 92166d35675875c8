import LeewayCore

enum PhysicsTermNames {
    static let all = PhysicsTerm.allCases.map(\.rawValue).joined(separator: ", ")
}

extension ModelArtifact {
    /// The model kind served by ``LinearPhysicsModel``.
    public static let linearPhysicsKind = "linear-physics"
    /// An ONNX graph (``modelFile``) run in process by ONNX Runtime over the catalogue vector.
    public static let onnxKind = "onnx"
    /// A model on a model server, asked over the Open Inference Protocol V2 (``service``).
    public static let oipKind = "oip"
    /// Every kind a processor serves.
    public static let kinds = [linearPhysicsKind, onnxKind, oipKind]

    /// Throws unless the artifact's recorded checks all passed.
    public func requirePassedChecks() throws(ArtifactError) {
        let failed = checks.filter { !$0.passed }.map(\.name)
        guard failed.isEmpty else { throw .failedChecks(failed) }
    }

    /// Checks that the artifact is complete, unaltered and servable by its kind: what the
    /// registry checks before it takes a version. (Loading an `onnx` graph into ONNX Runtime
    /// happens where it serves.)
    public func validate() throws(ArtifactError) {
        guard kind != Self.linearPhysicsKind else {
            _ = try servingModel()
            return
        }
        guard Self.kinds.contains(kind) else { throw .unknownKind(kind) }
        guard contentHash == computedContentHash else { throw .hashMismatch(recorded: contentHash, computed: computedContentHash) }
        if kind == Self.onnxKind {
            guard let modelFile else { throw .modelFile("an onnx artifact carries its graph in model_file") }
            guard modelFile.format == "onnx" else { throw .modelFile("format \"\(modelFile.format)\", expected \"onnx\"") }
            guard modelFile.sizeBytes <= ModelFile.maximumBytes else {
                throw .modelFile("\(modelFile.sizeBytes) bytes; an artifact carries at most \(ModelFile.maximumBytes)")
            }
            _ = try modelFile.bytes()
        } else {
            guard let service else { throw .modelService("an oip artifact names its model server in service") }
            try service.validate()
        }
        _ = try declaredLayout()
        _ = try predictedTargets()
    }

    /// The catalogue inputs a model of another kind than `linear-physics` declares: known,
    /// at least one, none repeated, and none that includes the report's own measured fuel or
    /// power (the targets it predicts).
    public func declaredLayout() throws(ArtifactError) -> InputLayout {
        guard let inputs, !inputs.isEmpty else { throw .unsupportedInputs("a \(kind) model declares the catalogue inputs it reads, in order") }
        let declared: [ModelInput]
        do { declared = try FeatureCatalogue.inputs(named: inputs) } catch { throw .unsupportedInputs(error.description) }
        guard Set(declared).count == declared.count else { throw .unsupportedInputs("an input is listed twice: \(inputs.joined(separator: ", "))") }
        if let leak = declared.first(where: \.readsMeasuredTargets) {
            throw .unsupportedInputs("\(leak.rawValue) includes the report's own measured fuel or power, which the model predicts")
        }
        if let featureCatalogue, featureCatalogue != FeatureCatalogue.version {
            throw .unsupportedInputs("named in feature catalogue \(featureCatalogue); this processor serves \(FeatureCatalogue.version)")
        }
        return InputLayout(declared)
    }

    /// The targets, in artifact order, each once, with finite residual deviations.
    public func predictedTargets() throws(ArtifactError) -> [PredictionTarget] {
        var order: [PredictionTarget] = []
        for equation in targets {
            guard let target = PredictionTarget.named(equation.name) else { throw .unknownTarget(equation.name) }
            guard !order.contains(target) else { throw .unknownTarget("\(equation.name) (listed twice)") }
            guard equation.relativeResidualStd.isFinite, equation.relativeResidualStd >= 0 else {
                throw .nonFinite("relative_residual_std of target \(equation.name)")
            }
            order.append(target)
        }
        guard !order.isEmpty else { throw .unknownTarget("(none: an artifact predicts at least one target)") }
        return order
    }

    /// The relative residual deviation per target and the typical fuel residual per regime
    /// that the drift watch reads, for models of any kind.
    public var residualScale: ResidualScale {
        var deviations: [PredictionTarget: Double] = [:]
        for equation in targets {
            if let target = PredictionTarget.named(equation.name) { deviations[target] = equation.relativeResidualStd }
        }
        return ResidualScale(relativeDeviations: deviations, fuelBias: fuelBiasByRegime)
    }

    /// The model a processor may serve for an approved version: ``servingModel()`` of an
    /// artifact whose recorded checks all passed. (The review rules already refuse to approve
    /// a failed version; this also holds against a registry record written by other means.)
    public func approvedModel() throws(ArtifactError) -> LinearPhysicsModel {
        try requirePassedChecks()
        return try servingModel()
    }

    /// The servable `linear-physics` model, after checking the artifact is complete and unaltered.
    public func servingModel() throws(ArtifactError) -> LinearPhysicsModel {
        guard kind == Self.linearPhysicsKind else {
            throw Self.kinds.contains(kind) ? .unsupportedInputs("a \(kind) model is served by its runtime, not as linear-physics") : .unknownKind(kind)
        }
        guard contentHash == computedContentHash else { throw .hashMismatch(recorded: contentHash, computed: computedContentHash) }
        if let inputs {
            do {
                _ = try FeatureCatalogue.inputs(named: inputs)
            } catch {
                throw .unsupportedInputs(error.description)
            }
            let expected = PhysicsInputs.layout.inputs.map(\.rawValue)
            guard inputs == expected else {
                throw .unsupportedInputs("a linear-physics model reads \(expected.joined(separator: ", ")), in that order; got \(inputs.joined(separator: ", "))")
            }
        }
        let terms = try Self.terms(features)
        var equations: [PredictionTarget: LinearPhysicsModel.Equation] = [:]
        for equation in targets {
            guard let target = PredictionTarget.named(equation.name) else { throw .unknownTarget(equation.name) }
            let own = try equation.features.map(Self.terms)
            let count = (own ?? terms).count
            guard equation.coefficients.count == count else {
                throw .coefficientCount(target: equation.name, expected: count, found: equation.coefficients.count)
            }
            guard (equation.coefficients + [equation.intercept, equation.relativeResidualStd]).allSatisfy(\.isFinite) else {
                throw .nonFinite("a number of target \(equation.name)")
            }
            if (own ?? terms).contains(where: \.readsPredictedPower), target == .shaftPower || !targets.contains(where: { $0.name == "shaft_power_kw" }) {
                throw .unsupportedInputs("target \(equation.name) reads predicted shaft power, which needs a shaft_power_kw equation of its own")
            }
            equations[target] = .init(intercept: equation.intercept, coefficients: equation.coefficients,
                                      relativeResidualDeviation: equation.relativeResidualStd, terms: own)
        }
        let exponents = PhysicsExponents(speed: speedExponent ?? 3, draft: draftExponent ?? 2.0 / 3.0)
        guard exponents.speed.isFinite, exponents.draft.isFinite else { throw .nonFinite("speed_exponent or draft_exponent") }
        var calibrations: [String: VesselCalibration] = [:]
        for vessel in vessels ?? [] {
            guard vessel.hullFactor.isFinite, vessel.fuelFactor.isFinite, vessel.hullFactor > 0, vessel.fuelFactor > 0 else {
                throw .nonFinite("the calibration of vessel \(vessel.vesselId) (factors must be finite and positive)")
            }
            calibrations[vessel.vesselId] = VesselCalibration(hull: vessel.hullFactor, fuel: vessel.fuelFactor)
        }
        guard assumedDraftM.isFinite, assumedDraftM > 0 else { throw .nonFinite("assumed_draft_m") }
        return LinearPhysicsModel(identity: ModelIdentity(name: name, version: version, kind: kind), terms: terms,
                                  equations: equations, assumedDraft: assumedDraftM, exponents: exponents,
                                  maxPower: HullClass.typical(vesselType).maxPower, calibrations: calibrations, fuelBias: fuelBiasByRegime)
    }
}

extension ModelArtifact {
    static func terms(_ names: [String]) throws(ArtifactError) -> [PhysicsTerm] {
        var terms: [PhysicsTerm] = []
        for name in names {
            guard let term = PhysicsTerm(rawValue: name) else { throw .unknownFeature(name) }
            terms.append(term)
        }
        return terms
    }
}

extension PredictionTarget {
    /// The target with record name `name`.
    public static func named(_ name: String) -> PredictionTarget? {
        ordered.first { "\($0.name)" == name }
    }

    /// Its unit in artifacts.
    public var unit: String {
        switch self {
        case .fuelRate: "t/h"
        case .shaftPower: "kW"
        }
    }
}

extension ModelArtifact {
    /// The median relative fuel residual per operating regime in the training data (from the
    /// residual references), which the fuel drift watch subtracts.
    var fuelBiasByRegime: [OperatingRegime: Double] {
        var bias: [OperatingRegime: Double] = [:]
        for loading in [OperatingRegime.Loading.laden, .ballast] {
            // One band per slot of ``OperatingRegime/residualSlot`` (slower bands share slow's).
            for band in [OperatingRegime.SpeedBand.slow, .economical, .service, .fast] {
                let regime = OperatingRegime(loading: loading, speedBand: band)
                if let median = references[DataDriftMonitor.key(.fuelRate, regime: regime)]?.percentiles?[50] {
                    bias[regime] = median / 100
                }
            }
        }
        return bias
    }

    /// What data-drift tests compare with while this version serves.
    public var driftReferences: DriftReferences {
        DriftReferences(model: ModelIdentity(name: name, version: version, kind: kind),
                        period: "\(training.from)/\(training.to)", distributions: references)
    }
}
