/// What data-drift tests compare with: the serving model's training distributions, keyed
/// by telemetry field (`wind_speed_ms`) and, for residuals, by target within a regime
/// (``DataDriftMonitor/key(_:regime:)``).
public struct DriftReferences: Sendable, Equatable {
    /// The model they belong to.
    public var model: ModelIdentity
    /// The model's training window, for alert annotations (`from/to`).
    public var period: String
    /// Distributions by key.
    public var distributions: [String: ReferenceDistribution]

    /// References of `model`.
    public init(model: ModelIdentity, period: String, distributions: [String: ReferenceDistribution]) {
        self.model = model
        self.period = period
        self.distributions = distributions
    }
}
