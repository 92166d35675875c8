import Kafka
import LeewayTopics
import LeewayCore

/// Settings of a ``Processor``: where it reads and writes, how it keeps features, how
/// often it commits.
public struct ProcessorConfiguration: Sendable {
    /// Cluster and client identity, shared by the processor's clients.
    public var client: KafkaClientConfiguration
    /// The consumer group processors share.
    public var groupID = "leeway-processor"
    /// Topic names.
    public var topics = TopicNames()
    /// Lateness, EWMA weight, half-life.
    public var policy = FeaturePolicy()
    /// Event time between a vessel's published feature records.
    public var featuresEvery: Duration = .seconds(600)
    /// Wall time between commits. A commit waits for every output so far to be acknowledged.
    public var commitInterval: Duration = .seconds(1)
    /// Vessels with no report for this long in event time (behind the partition's newest)
    /// are forgotten and tombstoned in the changelog.
    public var vesselTTL: Duration = .seconds(30 * 86_400)
    /// The most vessels held in memory (a processor holding 100,000 peaked at 643 MB in the
    /// flood of `make chaos`, Kafka client buffers included). Past it, those heard from least
    /// recently are evicted and tombstoned; one that reports again starts its features over.
    public var maxVessels = 500_000
    /// Event time without a report (behind the partition's newest) before a vessel's
    /// telemetry counts as stale; nil turns the check off.
    public var staleAfter: Duration? = .seconds(6 * 3600)
    /// Heartbeat deadline of the group member; short on the dev broker.
    public var sessionTimeout: Duration = .seconds(10)
    /// How long an output may wait for the broker to take it. Past it the processor stops
    /// without committing the output's input (a supervisor restarts it from the last commit),
    /// so it bounds the broker outage the processor rides out while running: 5 minutes, as
    /// librdkafka's default (a 30 s limit stopped it in a 30 s freeze of the broker).
    public var deliveryTimeout: Duration = .seconds(300)

    /// How long a commit (or the monitor's batch) waits for its outputs' delivery reports:
    /// the delivery timeout and 30 s for the reports of the last outputs to arrive. Any
    /// shorter, and an outage the outputs would ride out stops the process anyway.
    public var settleTimeout: Duration { deliveryTimeout + .seconds(30) }
    /// Longest wait for a partition's state to be read back from the changelog.
    public var restoreTimeout: Duration = .seconds(120)
    /// Most records handled in one pass, and so in one call of each batch model.
    public var pollBatch = 1_000
    /// How long the output producer waits to fill a batch (`linger.ms`). Measured
    /// (docs/benchmarks.md): 1 ms costs no throughput against 5 ms and takes 4–5 ms off
    /// every prediction at low rates; under load batches fill without waiting anyway.
    public var outputLinger: Duration = .milliseconds(1)

    /// A processor for the cluster at `bootstrapServers` with the defaults.
    public init(bootstrapServers: [String]) {
        client = KafkaClientConfiguration(bootstrapServers: bootstrapServers)
    }
}
