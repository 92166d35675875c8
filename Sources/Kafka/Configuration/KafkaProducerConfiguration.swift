/// Producer settings with defaults suited to a pipeline: idempotent, acks from all in-sync
/// replicas, Java-compatible key partitioning, small linger for batching.
public struct KafkaProducerConfiguration: Sendable {
    /// Cluster and client identity.
    public var client: KafkaClientConfiguration
    /// Exactly-once per partition on retries (no duplicates, order kept). Implies `acks=all`.
    public var idempotence: Bool = true
    /// How long to wait to fill a batch.
    public var linger: Duration = .milliseconds(5)
    /// Most messages in one batch.
    public var batchMaxMessages: Int = 10_000
    /// Most messages waiting in the client; beyond it `send` reports `queueFull`.
    public var queueMaxMessages: Int = 100_000
    /// How long a message may wait for delivery (retries included) before it fails with
    /// `messageTimedOut`: the broker outage a producer rides out. librdkafka's default, 5 min.
    public var messageTimeout: Duration = .seconds(300)
    /// Compression codec: `none`, `gzip`, `snappy`, `lz4` or `zstd`.
    public var compression: String = "lz4"
    /// The partitioner; `murmur2_random` matches the Java client for keyed records.
    public var partitioner: String = "murmur2_random"
    /// Makes the producer transactional (see ``KafkaProducer/initTransactions(timeout:)``):
    /// a newer producer with the same id fences this one.
    public var transactionalID: String?

    /// Creates a configuration for the cluster at `bootstrapServers`.
    public init(bootstrapServers: [String]) {
        self.client = KafkaClientConfiguration(bootstrapServers: bootstrapServers)
    }

    /// A transaction may stay open as long as a message may wait (librdkafka requires it).
    private var transactionProperties: [(String, String)] {
        guard let transactionalID else { return [] }
        return [("transactional.id", transactionalID), ("transaction.timeout.ms", String(messageTimeout.milliseconds))]
    }

    var rdkafkaProperties: [(String, String)] {
        client.rdkafkaProperties + [
            ("enable.idempotence", String(idempotence)),
            ("linger.ms", String(linger.milliseconds)),
            ("batch.num.messages", String(batchMaxMessages)),
            ("queue.buffering.max.messages", String(queueMaxMessages)),
            ("message.timeout.ms", String(messageTimeout.milliseconds)),
            ("compression.codec", compression),
            ("partitioner", partitioner),
        ] + transactionProperties + client.properties.sorted { $0.key < $1.key }
    }
}
