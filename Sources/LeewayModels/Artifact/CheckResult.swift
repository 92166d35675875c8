/// The outcome of one automatic physics check.
public struct CheckResult: Codable, Sendable, Equatable {
    /// Stable identifier, e.g. `fuel_increases_with_speed`.
    public var name: String
    /// Whether it passed.
    public var passed: Bool
    /// What was measured against what limit, in words and numbers.
    public var detail: String

    /// A result from its members.
    public init(name: String, passed: Bool, detail: String) {
        self.name = name
        self.passed = passed
        self.detail = detail
    }
}
