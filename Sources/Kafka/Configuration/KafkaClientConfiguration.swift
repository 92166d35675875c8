/// Settings every Kafka client shares: where the cluster is, who we are, and a pass-through
/// for any librdkafka property (SASL, TLS, tuning) that has no typed field.
public struct KafkaClientConfiguration: Sendable {
    /// `host:port` pairs to bootstrap from.
    public var bootstrapServers: [String]
    /// The client id brokers see in logs and quotas.
    public var clientID: String = "rdkafka"
    /// How often librdkafka emits statistics into swift-metrics; nil turns them off.
    public var statisticsInterval: Duration? = .seconds(5)
    /// Which librdkafka debug contexts to log (e.g. `"broker,cgrp"`); empty for none.
    public var debugContexts: String = ""
    /// Any librdkafka property, applied last so it overrides the typed fields,
    /// e.g. `["security.protocol": "SASL_SSL", "sasl.mechanisms": "PLAIN"]`.
    public var properties: [String: String] = [:]

    /// Creates a configuration for the cluster at `bootstrapServers`.
    public init(bootstrapServers: [String]) {
        self.bootstrapServers = bootstrapServers
    }

    var rdkafkaProperties: [(String, String)] {
        var entries: [(String, String)] = [
            ("bootstrap.servers", bootstrapServers.joined(separator: ",")),
            ("client.id", clientID),
            ("statistics.interval.ms", String(statisticsInterval.map { $0.milliseconds } ?? 0)),
        ]
        if !debugContexts.isEmpty { entries.append(("debug", debugContexts)) }
        return entries
    }
}

extension Duration {
    /// Whole milliseconds, rounded down, as librdkafka's `*.ms` properties want them.
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
