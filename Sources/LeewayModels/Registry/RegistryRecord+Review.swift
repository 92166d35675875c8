import LeewayCore

/// Why a registry change was refused.
public enum RegistryError: Error, Equatable, CustomStringConvertible {
    /// No such version of the type.
    case unknownVersion(VesselType, Int)
    /// The artifact is for another type.
    case wrongType(expected: VesselType, found: VesselType)
    /// Approving a version that failed its physics checks.
    case failedChecks(VesselType, Int, [String])
    /// An artifact that cannot be served.
    case invalidArtifact(ArtifactError)
    /// An approval or rejection without a name.
    case anonymous

    public var description: String {
        switch self {
        case .unknownVersion(let type, let version): "\(type.rawValue) has no model version \(version)"
        case .wrongType(let expected, let found): "artifact is for \(found.rawValue), not \(expected.rawValue)"
        case .failedChecks(let type, let version, let checks):
            "\(type.rawValue) v\(version) failed its physics checks (\(checks.joined(separator: ", "))) and cannot be approved"
        case .invalidArtifact(let error): "\(error)"
        case .anonymous: "a decision needs the name of who made it"
        }
    }
}

extension RegistryRecord {
    /// Adds `artifact` as the next version: pending when its physics checks passed, else
    /// rejected with the failed checks as the reason. Returns the version number.
    public mutating func register(_ artifact: ModelArtifact, at time: String) throws(RegistryError) -> Int {
        guard artifact.vesselType == vesselType else { throw .wrongType(expected: vesselType, found: artifact.vesselType) }
        var artifact = artifact
        artifact.version = (versions.map(\.version).max() ?? 0) + 1
        artifact.approvedBy = nil
        artifact.approvedAt = nil
        let failed = artifact.checks.filter { !$0.passed }.map(\.name)
        artifact.status = failed.isEmpty ? .pending : .rejected
        do { try artifact.validate() } catch { throw .invalidArtifact(error) }
        versions.append(artifact)
        decisions.append(Decision(version: artifact.version, status: artifact.status, by: "registry", at: time,
                                  reason: failed.isEmpty ? "registered" : "failed physics checks: \(failed.joined(separator: ", "))"))
        return artifact.version
    }

    /// Approves `version` for serving; the version serving before is retired. Approving an
    /// older version is a rollback.
    public mutating func approve(_ version: Int, by reviewer: String, at time: String, notes: String?) throws(RegistryError) {
        guard !reviewer.isEmpty else { throw .anonymous }
        guard let index = versions.firstIndex(where: { $0.version == version }) else { throw .unknownVersion(vesselType, version) }
        let failed = versions[index].checks.filter { !$0.passed }.map(\.name)
        guard failed.isEmpty else { throw .failedChecks(vesselType, version, failed) }
        if let current = versions.firstIndex(where: { $0.status == .approved }), current != index {
            versions[current].status = .retired
            decisions.append(Decision(version: versions[current].version, status: .retired, by: reviewer, at: time,
                                      reason: "replaced by v\(version)"))
        }
        versions[index].status = .approved
        versions[index].approvedBy = reviewer
        versions[index].approvedAt = time
        if let notes { versions[index].notes = notes }
        decisions.append(Decision(version: version, status: .approved, by: reviewer, at: time, reason: notes))
    }

    /// Rejects `version`; if it was serving, the type falls back to its physics baseline.
    public mutating func reject(_ version: Int, by reviewer: String, at time: String, reason: String?) throws(RegistryError) {
        guard !reviewer.isEmpty else { throw .anonymous }
        guard let index = versions.firstIndex(where: { $0.version == version }) else { throw .unknownVersion(vesselType, version) }
        versions[index].status = .rejected
        if let reason { versions[index].notes = reason }
        decisions.append(Decision(version: version, status: .rejected, by: reviewer, at: time, reason: reason))
    }
}
