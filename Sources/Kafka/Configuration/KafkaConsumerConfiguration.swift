/// Consumer-group member settings. Offsets are never stored automatically: the application
/// stores an offset after it has processed the record, and only stored offsets are committed.
public struct KafkaConsumerConfiguration: Sendable {
    /// How partitions are shared among group members.
    public enum AssignmentStrategy: String, Sendable {
        /// Eager: contiguous ranges per topic. Works on every broker.
        case range
        /// Eager: partitions dealt round-robin. Works on every broker.
        case roundRobin = "roundrobin"
        /// Incremental rebalancing for Apache Kafka; Tansu 0.6 mishandles it.
        case cooperativeSticky = "cooperative-sticky"
    }

    /// Where to start when the group has no committed offset for a partition.
    public enum OffsetReset: String, Sendable {
        /// From the oldest retained record.
        case earliest
        /// From the next record produced.
        case latest
        /// Fail the partition.
        case error
    }

    /// Cluster and client identity.
    public var client: KafkaClientConfiguration
    /// The consumer group's id.
    public var groupID: String
    /// Topics to subscribe to.
    public var topics: [String]
    /// Partition assignment; eager by default.
    public var assignmentStrategy: AssignmentStrategy = .range
    /// Where to start without a committed offset.
    public var offsetReset: OffsetReset = .earliest
    /// Heartbeat deadline before the group evicts a member. Tansu answers a group's first
    /// join after half of it, so keep it short on the dev broker.
    public var sessionTimeout: Duration = .seconds(10)
    /// Heartbeat period.
    public var heartbeatInterval: Duration = .seconds(1)
    /// Longest gap between asking for records before the member leaves the group.
    public var maxPollInterval: Duration = .seconds(300)
    /// Commit stored offsets in the background at this period; nil for explicit `commit()` only.
    public var autoCommitInterval: Duration? = .seconds(5)
    /// Most records handed over in one ``ConsumerEvent/records(_:)`` batch.
    public var maxBatchSize: Int = 1_000
    /// Bound of librdkafka's pre-fetch queue per partition, in KiB: the consumer's memory bound.
    public var fetchQueueMaxKilobytes: Int = 65_536
    /// How long a partition's fetching pauses once the fetch queue is at its bound.
    /// librdkafka's default (1 s) stalls a consumer that is only slightly slower than the
    /// broker for most of each second; a short pause keeps the queue topped up.
    public var fetchQueueBackoff: Duration = .milliseconds(10)
    /// Longest a fetch request waits at the broker for data (`fetch.wait.max.ms`). Apache
    /// Kafka answers a fetch as soon as data arrives, so this only bounds the idle request
    /// rate there; brokers that answer only at the deadline (the Tansu dev broker) add up to
    /// this much to every record's latency. librdkafka's default is 500 ms.
    public var fetchWaitMax: Duration = .milliseconds(10)
    /// When set, the sequence yields ``ConsumerEvent/idle`` after this long without records,
    /// so periodic work keeps running when the input goes quiet; nil (the default) never does.
    public var idleEventInterval: Duration? = nil
    /// Static membership id (`group.instance.id`); nil for dynamic membership.
    public var groupInstanceID: String? = nil

    /// Creates a configuration for a member of `groupID` reading `topics`.
    public init(bootstrapServers: [String], groupID: String, topics: [String]) {
        self.client = KafkaClientConfiguration(bootstrapServers: bootstrapServers)
        self.groupID = groupID
        self.topics = topics
    }

    var rdkafkaProperties: [(String, String)] {
        var entries = client.rdkafkaProperties + [
            ("group.id", groupID),
            ("partition.assignment.strategy", assignmentStrategy.rawValue),
            ("auto.offset.reset", offsetReset.rawValue),
            ("session.timeout.ms", String(sessionTimeout.milliseconds)),
            ("heartbeat.interval.ms", String(heartbeatInterval.milliseconds)),
            ("max.poll.interval.ms", String(maxPollInterval.milliseconds)),
            ("enable.auto.offset.store", "false"),
            ("enable.auto.commit", String(autoCommitInterval != nil)),
            ("queued.max.messages.kbytes", String(fetchQueueMaxKilobytes)),
            ("fetch.queue.backoff.ms", String(fetchQueueBackoff.milliseconds)),
            ("fetch.wait.max.ms", String(fetchWaitMax.milliseconds)),
            ("enable.partition.eof", "false"),
        ]
        if let autoCommitInterval { entries.append(("auto.commit.interval.ms", String(autoCommitInterval.milliseconds))) }
        if let groupInstanceID { entries.append(("group.instance.id", groupInstanceID)) }
        return entries + client.properties.sorted { $0.key < $1.key }
    }
}
