import LeewayCore

/// One vessel type's entry in the model registry (`leeway.models.v1`, key = type): every
/// version and every decision about them, oldest first. Registry record v1
/// (`topics/schemas/model.v1.schema.json`); the decisions are the audit trail.
public struct RegistryRecord: Codable, Sendable, Equatable {
    /// The type.
    public var vesselType: VesselType
    /// Its versions, ascending.
    public var versions: [ModelArtifact]
    /// What happened to them, in order.
    public var decisions: [Decision]

    /// A type with nothing registered.
    public init(vesselType: VesselType) {
        self.vesselType = vesselType
        versions = []
        decisions = []
    }

    /// One event in a version's review.
    public struct Decision: Codable, Sendable, Equatable {
        /// The version concerned.
        public var version: Int
        /// Its status from this decision on.
        public var status: ModelStatus
        /// Who decided (`leeway train` for automatic ones).
        public var by: String
        /// When (RFC 3339).
        public var at: String
        /// Why.
        public var reason: String?
    }

    /// The version serving now, if any.
    public var serving: ModelArtifact? { versions.first { $0.status == .approved } }

    /// The artifact of `version`.
    public func artifact(_ version: Int) -> ModelArtifact? { versions.first { $0.version == version } }
}
