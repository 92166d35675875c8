import LeewayCore
import LeewayModels

/// `leeway train`'s work, pure: fit a `linear-physics` model for one vessel type with
/// ``AdmiraltyFit`` (physically signed coefficients, learnt exponents within bounds, the
/// penalty chosen on a validation split, each ship calibrated), score it on the time-based
/// holdout, run the physics checks and write it all into an artifact.
public struct Trainer: Sendable {
    /// The vessel type.
    public var vesselType: VesselType
    /// Penalties the fit chooses from.
    public var penalties = AdmiraltyFit.defaultPenalties
    /// The checks.
    public var checks: PhysicsChecks

    /// A trainer for `type` with the type's checks.
    public init(type: VesselType) {
        vesselType = type
        checks = PhysicsChecks(type: type)
    }

    /// What training produced: the artifact (version 0, pending until registered) and the
    /// holdout predictions its report draws.
    public struct Result: Sendable {
        /// The model artifact.
        public var artifact: ModelArtifact
        /// The data it was fitted and scored on.
        public var set: TrainingSet
        /// Holdout predictions.
        public var score: HoldoutScore
    }

    /// The raw inputs whose training distributions are recorded for data-drift tests.
    public static let referenceFields: [TelemetryField] = [
        .speedThroughWater, .draft, .windSpeed, .waveHeight, .daysSinceHullCleaning, .fuelRate, .shaftPower,
    ]

    /// Fewest fitting reports of a regime for its own reference distribution.
    public static let minimumRegimeReference = 200

    /// Deciles and percentiles of every reference field, and of each target's relative
    /// residual (percent) per operating regime (``DataDriftMonitor/key(_:regime:)``) where the
    /// regime has enough reports; one report per vessel-hour, as the monitor samples.
    static func references(_ rows: [TrainingSet.Row], model: LinearPhysicsModel, hull: HullClass) -> [String: ReferenceDistribution] {
        references(rows, answers: rows.map { model.predict($0.inputs, calibration: model.calibration(for: $0.vesselID)) }, hull: hull)
    }

    /// ``references(_:model:hull:)`` from a model's `answers`, one per row.
    static func references(_ rows: [TrainingSet.Row], answers: [TargetValues], hull: HullClass) -> [String: ReferenceDistribution] {
        var references: [String: ReferenceDistribution] = [:]
        for field in referenceFields {
            references[field.jsonName] = ReferenceDistribution(sample: rows.compactMap { $0.report[field] })
        }
        var byRegime: [String: [Double]] = [:]
        var sampled = Set<String>()
        for (row, predicted) in zip(rows, answers) {
            guard let regime = OperatingRegime(row.report, hull: hull),
                  sampled.insert("\(row.vesselID) \(row.eventTime.microseconds / 3_600_000_000)").inserted else { continue }
            for target in DataDriftMonitor.targets {
                guard let actual = row.actuals[target], let expected = predicted[target],
                      let residual = DataDriftMonitor.residualPercent(actual: actual, predicted: expected) else { continue }
                byRegime[DataDriftMonitor.key(target, regime: regime), default: []].append(residual)
            }
        }
        for (key, sample) in byRegime where sample.count >= minimumRegimeReference {
            references[key] = ReferenceDistribution(sample: sample)
        }
        return references
    }

    /// Fits on `set`, read from `source`, at `createdAt` (RFC 3339).
    public func train(_ set: TrainingSet, source: String, createdAt: String) throws(AdmiraltyFit.FitError) -> Result {
        let hull = checks.hull
        var fitter = AdmiraltyFit(maxPower: hull.maxPower, minimumSFOC: hull.minimumSFOC)
        fitter.penalties = penalties
        let fit = try fitter.fit(set.fitting.map(\.inputs), vessels: set.fitting.map(\.vesselID),
                                 power: set.fitting.map { $0.actuals[.shaftPower] ?? 0 }, fuel: set.fitting.map { $0.actuals[.fuelRate] ?? 0 })
        let identity = ModelIdentity(name: "\(vesselType.rawValue)-linear-physics", version: 0, kind: ModelArtifact.linearPhysicsKind)
        // Shaft power over the shared terms; fuel over its own, which read predicted power.
        let fits: [(target: PredictionTarget, fit: BoundedRidge.Fit, ownTerms: [PhysicsTerm]?)] = [
            (.fuelRate, fit.fuel.fit, fitter.fuelTerms), (.shaftPower, fit.power.fit, nil),
        ]
        var equations: [PredictionTarget: LinearPhysicsModel.Equation] = [:]
        for entry in fits {
            equations[entry.target] = .init(intercept: entry.fit.intercept, coefficients: entry.fit.coefficients,
                                            relativeResidualDeviation: 0, terms: entry.ownTerms)
        }
        let model = LinearPhysicsModel(identity: identity, terms: fitter.powerTerms, equations: equations, assumedDraft: hull.ladenDraft,
                                       exponents: fit.exponents, maxPower: hull.maxPower,
                                       calibrations: fit.calibrations.mapValues(\.calibration))
        let score = HoldoutScore(model, on: set.holdout)
        let metrics = PredictionTarget.ordered.map { score.metrics($0) }
        let targets = fits.map { entry in
            TargetEquation(name: "\(entry.target.name)", unit: entry.target.unit, intercept: entry.fit.intercept,
                           features: entry.ownTerms?.map(\.rawValue), coefficients: entry.fit.coefficients,
                           residualStd: score.residualDeviation(entry.target).absolute,
                           relativeResidualStd: score.withinVesselDeviation(entry.target))
        }
        let all = set.fitting + set.holdout
        let window = TrainingWindow(
            source: source, from: all.first.map { "\($0.eventTime)" } ?? "", to: all.last.map { "\($0.eventTime)" } ?? "",
            holdoutFrom: set.holdout.first.map { "\($0.eventTime)" } ?? "", records: set.fitting.count,
            holdoutRecords: set.holdout.count, vessels: set.vessels)
        let custom = fit.exponents != .admiralty
        let answers = checks.answers(model)
        var diagnostics = score.diagnostics()
        diagnostics.speedCurves = checks.speedCurves(answers)
        var artifact = ModelArtifact(
            name: identity.name, vesselType: vesselType, version: 0, kind: identity.kind, features: fitter.powerTerms.map(\.rawValue),
            speedExponent: custom ? fit.exponents.speed : nil, draftExponent: custom ? fit.exponents.draft : nil,
            inputs: PhysicsInputs.layout.inputs.map(\.rawValue), featureCatalogue: FeatureCatalogue.version,
            fit: fitter.record(fit), vessels: fit.calibrations.keys.sorted().map { id in
                let entry = fit.calibrations[id]!
                return VesselFactor(vesselId: id, hullFactor: entry.calibration.hull, fuelFactor: entry.calibration.fuel, records: entry.records)
            },
            targets: targets, assumedDraftM: hull.ladenDraft, training: window, metrics: metrics,
            references: Self.references(all, model: model, hull: hull), checks: checks.run(answers: answers, metrics: metrics),
            diagnostics: diagnostics, status: .pending, createdAt: createdAt, contentHash: "")
        artifact.contentHash = artifact.computedContentHash
        return Result(artifact: artifact, set: set, score: score)
    }
}
