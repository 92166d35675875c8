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
    /// How it predicts; `linear-physics` is the only kind served today.
    public var kind: String
    /// Its regressors, by ``PhysicsTerm`` name, in coefficient order.
    public var features: [String]
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

    /// A ModelArtifact from its members.
    public init(name: String, vesselType: VesselType, version: Int, kind: String, features: [String], targets: [TargetEquation], assumedDraftM: Double, training: TrainingWindow, metrics: [TargetMetrics], references: [String: ReferenceDistribution], checks: [CheckResult], status: ModelStatus, approvedBy: String? = nil, approvedAt: String? = nil, notes: String? = nil, createdAt: String, contentHash: String) {
        self.name = name
        self.vesselType = vesselType
        self.version = version
        self.kind = kind
        self.features = features
        self.targets = targets
        self.assumedDraftM = assumedDraftM
        self.training = training
        self.metrics = metrics
        self.references = references
        self.checks = checks
        self.status = status
        self.approvedBy = approvedBy
        self.approvedAt = approvedAt
        self.notes = notes
        self.createdAt = createdAt
        self.contentHash = contentHash
    }
}

/// One target's fitted equation.
public struct TargetEquation: Codable, Sendable, Equatable {
    /// The prediction record's name, e.g. `fuel_rate_tph`.
    public var name: String
    /// Unit, e.g. `t/h`.
    public var unit: String
    /// The constant.
    public var intercept: Double
    /// One weight per feature.
    public var coefficients: [Double]
    /// Residual standard deviation on the holdout, in the target's unit.
    public var residualStd: Double
    /// Residual standard deviation on the holdout as a fraction of the prediction: what drift
    /// detection standardizes residuals with.
    public var relativeResidualStd: Double

    /// A TargetEquation from its members.
    public init(name: String, unit: String, intercept: Double, coefficients: [Double], residualStd: Double, relativeResidualStd: Double) {
        self.name = name
        self.unit = unit
        self.intercept = intercept
        self.coefficients = coefficients
        self.residualStd = residualStd
        self.relativeResidualStd = relativeResidualStd
    }
}

/// Where and when the training data came from.
public struct TrainingWindow: Codable, Sendable, Equatable {
    /// A topic name or file path.
    public var source: String
    /// Earliest event time used (RFC 3339).
    public var from: String
    /// Latest event time used (RFC 3339).
    public var to: String
    /// Where the holdout starts: reports at or after it were held out (RFC 3339).
    public var holdoutFrom: String
    /// Reports fitted on.
    public var records: Int
    /// Reports held out.
    public var holdoutRecords: Int
    /// Distinct vessels.
    public var vessels: Int

    /// A TrainingWindow from its members.
    public init(source: String, from: String, to: String, holdoutFrom: String, records: Int, holdoutRecords: Int, vessels: Int) {
        self.source = source
        self.from = from
        self.to = to
        self.holdoutFrom = holdoutFrom
        self.records = records
        self.holdoutRecords = holdoutRecords
        self.vessels = vessels
    }
}

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

    /// A TargetMetrics from its members.
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

    /// A BandBias from its members.
    public init(band: String, records: Int, bias: Double, relativeBias: Double) {
        self.band = band
        self.records = records
        self.bias = bias
        self.relativeBias = relativeBias
    }
}

/// The outcome of one automatic physics check.
public struct CheckResult: Codable, Sendable, Equatable {
    /// Stable identifier, e.g. `fuel_increases_with_speed`.
    public var name: String
    /// Whether it passed.
    public var passed: Bool
    /// What was measured against what limit, in words and numbers.
    public var detail: String

    /// A CheckResult from its members.
    public init(name: String, passed: Bool, detail: String) {
        self.name = name
        self.passed = passed
        self.detail = detail
    }
}

/// Review status of a model version.
public enum ModelStatus: String, Codable, Sendable, CaseIterable {
    /// Registered, waiting for a reviewer.
    case pending
    /// Serving (at most one version per type).
    case approved
    /// Refused by a reviewer or by its physics checks.
    case rejected
    /// Approved once, replaced by another approval.
    case retired
}
