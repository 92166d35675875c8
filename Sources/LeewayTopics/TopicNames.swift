/// The names of Leeway's topics (`topics/`), shared by every role: the processor writes
/// them, caches and tools read them. All take an optional prefix so several pipelines (or
/// tests) can share one cluster.
public struct TopicNames: Sendable, Equatable {
    /// Telemetry in.
    public var telemetry: String
    /// Rejected telemetry out.
    public var deadLetters: String
    /// Predictions out (push).
    public var predictions: String
    /// Feature vectors out (compacted).
    public var features: String
    /// The state changelog (compacted, partitioned like telemetry).
    public var state: String
    /// Drift alerts out, keyed by alert id.
    public var alerts: String
    /// The model registry (compacted, one partition), followed for approved models.
    public var models: String

    /// The standard names from `topics/`, each preceded by `prefix`.
    public init(prefix: String = "") {
        telemetry = prefix + "fleet.telemetry.v1"
        deadLetters = prefix + "fleet.telemetry.dlq.v1"
        predictions = prefix + "fleet.predictions.v1"
        features = prefix + "fleet.features.v1"
        state = prefix + "leeway.state.v1"
        alerts = prefix + "fleet.drift-alerts.v1"
        models = prefix + "leeway.models.v1"
    }

    /// Every topic, inputs first.
    public var all: [String] { [telemetry, deadLetters, predictions, features, state, alerts, models] }
}
