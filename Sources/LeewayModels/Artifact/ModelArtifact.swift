import LeewayCore
/// A trained model as published and audited: model artifact v1
/// (`topics/schemas/model-artifact.v1.schema.json`). Everything a reviewer needs to judge it
/// and a processor needs to serve it, in one JSON document.
public struct ModelArtifact: Codable, Sendable, Equatable {
    /// Human name, e.g. `tanker-linear-physics`.
    public var name: String
    /// The vessel type it serves.
    public var vesselType: VesselType
    /// Monotonic per vessel type, assigned when registered (0 before).
    public var version: Int
    /// How it predicts: `linear-physics`, `onnx`, `oip` (``ModelArtifact/kinds``).
    public var kind: String
    /// A `linear-physics` model's regressors, by ``PhysicsTerm`` name, in coefficient order
    /// (empty for other kinds).
    public var features: [String]
    /// The hull terms' speed exponent (absent: Admiralty law's 3).
    public var speedExponent: Double?
    /// The hull terms' draught exponent (absent: 2/3).
    public var draftExponent: Double?
    /// The feature-catalogue inputs it reads, in vector order (absent: the physics inputs).
    public var inputs: [String]?
    /// The feature catalogue version its inputs are named in.
    public var featureCatalogue: String?
    /// How the coefficients were fitted (bounds, priors, chosen penalties).
    public var fit: FitRecord?
    /// The ships calibrated in training (absent: every ship is the type's typical one).
    public var vessels: [VesselFactor]?
    /// The model file an `onnx` model runs, carried in the artifact.
    public var modelFile: ModelFile?
    /// The model server an `oip` model runs on.
    public var service: ModelService?
    /// One fitted equation per predicted target.
    public var targets: [TargetEquation]
    /// Draught assumed when neither a report nor the vessel's state has one, metres.
    public var assumedDraftM: Double
    /// The history it was fitted on.
    public var training: TrainingWindow
    /// Quality on the time-based holdout, per target.
    public var metrics: [TargetMetrics]
    /// Training distributions of the raw inputs (deciles), for data-drift tests.
    public var references: [String: ReferenceDistribution]
    /// The automatic physics checks and their outcome.
    public var checks: [CheckResult]
    /// Holdout material for the audit report (optional for artifacts fitted elsewhere).
    public var diagnostics: ModelDiagnostics?
    /// Where it stands in review.
    public var status: ModelStatus
    /// Who approved it, once approved.
    public var approvedBy: String?
    /// When it was approved (RFC 3339).
    public var approvedAt: String?
    /// Free text: why it was trained, rejected, …
    public var notes: String?
    /// When it was fitted (RFC 3339).
    public var createdAt: String
    /// SHA-256 of the model's content (everything but version, review fields and the hash).
    public var contentHash: String

    /// Whether every physics check passed.
    public var passedChecks: Bool { checks.allSatisfy(\.passed) }

    /// An artifact from its members.
    public init(name: String, vesselType: VesselType, version: Int, kind: String, features: [String],
                speedExponent: Double? = nil, draftExponent: Double? = nil, inputs: [String]? = nil, featureCatalogue: String? = nil, fit: FitRecord? = nil, vessels: [VesselFactor]? = nil, modelFile: ModelFile? = nil, service: ModelService? = nil, targets: [TargetEquation], assumedDraftM: Double, training: TrainingWindow, metrics: [TargetMetrics],
                references: [String: ReferenceDistribution], checks: [CheckResult], diagnostics: ModelDiagnostics? = nil,
                status: ModelStatus, approvedBy: String? = nil, approvedAt: String? = nil, notes: String? = nil,
                createdAt: String, contentHash: String) {
        self.name = name
        self.vesselType = vesselType
        self.version = version
        self.kind = kind
        self.features = features
        self.speedExponent = speedExponent
        self.draftExponent = draftExponent
        self.inputs = inputs
        self.featureCatalogue = featureCatalogue
        self.fit = fit
        self.vessels = vessels
        self.modelFile = modelFile
        self.service = service
        self.targets = targets
        self.assumedDraftM = assumedDraftM
        self.training = training
        self.metrics = metrics
        self.references = references
        self.checks = checks
        self.diagnostics = diagnostics
        self.status = status
        self.approvedBy = approvedBy
        self.approvedAt = approvedAt
        self.notes = notes
        self.createdAt = createdAt
        self.contentHash = contentHash
    }
}
