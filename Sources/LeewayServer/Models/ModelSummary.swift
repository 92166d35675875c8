import LeewayModels

/// One model version in `GET /v1/models` (openapi.yaml `ModelSummary`).
struct ModelSummary: Encodable {
    var vesselType: String
    var version: Int
    var name: String
    var kind: String
    var status: String
    var createdAt: String
    var contentHash: String
    var checksPassed: Int
    var checks: Int
    var report: String
    var approvedBy: String?
    var approvedAt: String?
    var fuelRSquared: Double?
    var fuelMAE: Double?

    enum CodingKeys: String, CodingKey {
        case version, name, kind, status, checks, report
        case vesselType = "vessel_type", createdAt = "created_at", contentHash = "content_hash", checksPassed = "checks_passed"
        case approvedBy = "approved_by", approvedAt = "approved_at", fuelRSquared = "fuel_r_squared", fuelMAE = "fuel_mae_tph"
    }

    init(_ artifact: ModelArtifact) {
        vesselType = artifact.vesselType.rawValue
        version = artifact.version
        name = artifact.name
        kind = artifact.kind
        status = artifact.status.rawValue
        createdAt = artifact.createdAt
        contentHash = artifact.contentHash
        checksPassed = artifact.checks.filter(\.passed).count
        checks = artifact.checks.count
        report = "/v1/models/\(vesselType)/\(artifact.version)/report"
        approvedBy = artifact.approvedBy
        approvedAt = artifact.approvedAt
        if let fuel = artifact.metrics.first(where: { $0.target == "fuel_rate_tph" }), fuel.rSquared.isFinite, fuel.mae.isFinite {
            fuelRSquared = fuel.rSquared
            fuelMAE = fuel.mae
        }
    }
}

/// The answer to an approval or a rejection over HTTP.
struct Decision: Encodable {
    var vesselType: String
    var version: Int
    var status: String
    var by: String
    var at: String

    enum CodingKeys: String, CodingKey {
        case version, status, by, at
        case vesselType = "vessel_type"
    }
}

/// The body of an approval or a rejection: who decides, and why. Members are read as any
/// JSON value so that a wrong type gets its own message.
struct DecisionRequest: Decodable {
    var by: AlertRecord.Value?
    var notes: AlertRecord.Value?
    var reason: AlertRecord.Value?
}
