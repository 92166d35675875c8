import LeewayCore
import LeewayModels

/// `leeway models import`'s work, pure: a model trained elsewhere (an ONNX graph) becomes
/// an artifact with what a Leeway-trained one has: holdout metrics, residual deviations,
/// reference distributions, the physics checks and the audit report's diagnostics. The
/// model is asked through its catalogue vectors, for the training set's rows and for the
/// checks' probe voyages; the caller runs it and hands back the answers.
public struct ModelImport: Sendable {
    /// The vessel type it serves.
    public var vesselType: VesselType
    /// Its name, e.g. `tanker-gbr`.
    public var name: String
    /// Its kind, e.g. `onnx`.
    public var kind: String
    /// The catalogue inputs it reads, in vector order.
    public var layout: InputLayout
    /// The targets it predicts, in output order.
    public var targets: [PredictionTarget]
    /// The checks it faces.
    public var checks: PhysicsChecks

    /// An import of a `kind` model `name` for `type`.
    public init(type: VesselType, name: String, kind: String, layout: InputLayout, targets: [PredictionTarget]) {
        vesselType = type
        self.name = name
        self.kind = kind
        self.layout = layout
        self.targets = targets
        checks = PhysicsChecks(type: type)
    }

    /// The input rows of `rows`: their catalogue vectors, the layout's columns.
    public func batch(_ rows: [TrainingSet.Row]) -> FeatureBatch {
        let columns = layout.inputs.map { input in ModelInput.ordered.firstIndex(of: input)! }
        var batch = FeatureBatch(width: columns.count, capacity: rows.count)
        for row in rows { batch.append(columns.map { row.features[$0] }) }
        return batch
    }

    /// The input rows of the checks' probe voyages, in ``PhysicsChecks/probePoints`` order.
    public func probeBatch() -> FeatureBatch { checks.probeBatch(layout) }

    /// The artifact (version 0, pending until registered) from the model's `answers` to
    /// the rows of `set` (fitting rows, then holdout) and `probeAnswers` to ``probeBatch()``;
    /// an `onnx` model carries `modelFile`, an `oip` one names `service`.
    public func artifact(set: TrainingSet, answers: [TargetValues], probeAnswers: [TargetValues], modelFile: ModelFile? = nil,
                         service: ModelService? = nil, source: String, createdAt: String) -> ModelArtifact {
        let all = set.fitting + set.holdout
        precondition(answers.count == all.count, "one answer per row")
        let score = HoldoutScore(rows: set.holdout, answers: Array(answers[set.fitting.count...]))
        let metrics = targets.map { score.metrics($0) }
        let probes = checks.answers(probeAnswers)
        var diagnostics = score.diagnostics()
        diagnostics.speedCurves = checks.speedCurves(probes)
        let window = TrainingWindow(
            source: source, from: all.first.map { "\($0.eventTime)" } ?? "", to: all.last.map { "\($0.eventTime)" } ?? "",
            holdoutFrom: set.holdout.first.map { "\($0.eventTime)" } ?? "", records: set.fitting.count,
            holdoutRecords: set.holdout.count, vessels: set.vessels)
        var artifact = ModelArtifact(
            name: name, vesselType: vesselType, version: 0, kind: kind, features: [],
            inputs: layout.inputs.map(\.rawValue), featureCatalogue: FeatureCatalogue.version, modelFile: modelFile, service: service,
            targets: targets.map { target in
                TargetEquation(name: "\(target.name)", unit: target.unit, residualStd: score.residualDeviation(target).absolute,
                               relativeResidualStd: score.withinVesselDeviation(target))
            },
            assumedDraftM: checks.hull.ladenDraft, training: window, metrics: metrics,
            references: Trainer.references(all, answers: answers, hull: checks.hull),
            checks: checks.run(answers: probes, metrics: metrics), diagnostics: diagnostics, status: .pending,
            createdAt: createdAt, contentHash: "")
        artifact.contentHash = artifact.computedContentHash
        return artifact
    }
}
