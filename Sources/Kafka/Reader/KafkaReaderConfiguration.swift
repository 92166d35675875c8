/// Settings of a ``KafkaPartitionReader``.
public struct KafkaReaderConfiguration: Sendable {
    /// Cluster and client identity.
    public var client: KafkaClientConfiguration
    /// How long a partition must be quiet after its last expected record before it counts
    /// as read (covers brokers that report the watermark as the last batch's base offset).
    public var settleTime: Duration = .milliseconds(150)
    /// The group whose committed offsets ``KafkaPartitionReader/committed(_:timeout:)``
    /// reports. A reader never joins it and never commits.
    public var groupID = "partition-reader"
    /// Most bytes fetched per partition per request.
    public var maxPartitionFetchBytes: Int = 4 << 20
    /// Longest a fetch request waits at the broker for data, as
    /// ``KafkaConsumerConfiguration/fetchWaitMax``: what a follower of a topic adds at most
    /// to each record's latency on a broker that answers fetches only at the deadline.
    public var fetchWaitMax: Duration = .milliseconds(10)
    /// Read only committed transactions' records (`isolation.level=read_committed`), as a
    /// reader of a topic written transactionally must; aborted records are skipped.
    public var readCommitted = false

    /// Creates a configuration for the cluster at `bootstrapServers`.
    public init(bootstrapServers: [String]) {
        client = KafkaClientConfiguration(bootstrapServers: bootstrapServers)
        client.statisticsInterval = nil
    }

    var rdkafkaProperties: [(String, String)] {
        client.rdkafkaProperties + [
            // assign() needs a group id; a reader never joins or commits to it.
            ("group.id", groupID),
            ("enable.auto.commit", "false"),
            ("enable.auto.offset.store", "false"),
            ("enable.partition.eof", "true"),
            ("max.partition.fetch.bytes", String(maxPartitionFetchBytes)),
            ("fetch.queue.backoff.ms", "10"),
            ("fetch.wait.max.ms", String(fetchWaitMax.milliseconds)),
            ("isolation.level", readCommitted ? "read_committed" : "read_uncommitted"),
        ] + client.properties.sorted { $0.key < $1.key }
    }
}
