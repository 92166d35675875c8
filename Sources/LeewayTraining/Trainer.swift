import LeewayCore
import LeewayModels

/// `leeway train`'s work, pure: fit a `linear-physics` model for one vessel type, score it
/// on the time-based holdout, run the physics checks and write it all into an artifact.
public struct Trainer: Sendable {
    /// The vessel type.
    public var vesselType: VesselType
    /// The regressors.
    public var terms: [PhysicsTerm] = PhysicsTerm.standard
    /// The regression.
    public var regression = RidgeRegression()
    /// The checks.
    public var checks: PhysicsChecks

    /// A trainer for `type` with the standard terms and the type's checks.
    public init(type: VesselType) {
        vesselType = type
        checks = PhysicsChecks(hull: HullClass.typical(type))
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
        var references: [String: ReferenceDistribution] = [:]
        for field in referenceFields {
            references[field.jsonName] = ReferenceDistribution(sample: rows.compactMap { $0.report[field] })
        }
        var byRegime: [String: [Double]] = [:]
        var sampled = Set<String>()
        for row in rows {
            guard let regime = OperatingRegime(row.report, hull: hull),
                  sampled.insert("\(row.vesselID) \(row.eventTime.microseconds / 3_600_000_000)").inserted else { continue }
            let predicted = model.predict(row.inputs)
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
    public func train(_ set: TrainingSet, source: String, createdAt: String) throws(RidgeRegression.FitError) -> Result {
        let features = set.fitting.map { row in terms.map { $0.value(row.inputs) } }
        let targets = set.fitting.map { row in PredictionTarget.ordered.map { row.actuals[$0] ?? 0 } }
        let fits = try regression.fit(features: features, targets: targets)
        let hull = checks.hull
        let identity = ModelIdentity(name: "\(vesselType.rawValue)-linear-physics", version: 0, kind: ModelArtifact.linearPhysicsKind)
        var equations: [PredictionTarget: LinearPhysicsModel.Equation] = [:]
        for (target, fit) in zip(PredictionTarget.ordered, fits) {
            equations[target] = .init(intercept: fit.intercept, coefficients: fit.coefficients, relativeResidualDeviation: 0)
        }
        let model = LinearPhysicsModel(identity: identity, terms: terms, equations: equations, assumedDraft: hull.ladenDraft)
        let score = HoldoutScore(model, on: set.holdout)
        let metrics = PredictionTarget.ordered.map { score.metrics($0) }
        let equationsOut = zip(PredictionTarget.ordered, fits).map { target, fit in
            let deviation = score.residualDeviation(target)
            return TargetEquation(name: "\(target.name)", unit: target.unit, intercept: fit.intercept, coefficients: fit.coefficients,
                                  residualStd: deviation.absolute, relativeResidualStd: deviation.relative)
        }
        let references = Self.references(set.fitting + set.holdout, model: model, hull: hull)
        let all = set.fitting + set.holdout
        let window = TrainingWindow(
            source: source, from: all.first.map { "\($0.eventTime)" } ?? "", to: all.last.map { "\($0.eventTime)" } ?? "",
            holdoutFrom: set.holdout.first.map { "\($0.eventTime)" } ?? "", records: set.fitting.count,
            holdoutRecords: set.holdout.count, vessels: set.vessels)
        var artifact = ModelArtifact(
            name: identity.name, vesselType: vesselType, version: 0, kind: identity.kind, features: terms.map(\.rawValue),
            targets: equationsOut, assumedDraftM: hull.ladenDraft, training: window, metrics: metrics, references: references,
            checks: checks.run(model, metrics: metrics), diagnostics: score.diagnostics(), status: .pending, createdAt: createdAt, contentHash: "")
        artifact.contentHash = artifact.computedContentHash
        return Result(artifact: artifact, set: set, score: score)
    }
}
