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
