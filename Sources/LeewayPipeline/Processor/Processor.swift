import Kafka
import LeewayCore
import Logging
import ServiceLifecycle

/// `leeway run --role processor`: a member of the processors' consumer group that turns
/// telemetry into predictions and features, one report at a time in partition order, with
/// per-vessel state that survives crashes and rebalances through a compacted changelog.
///
/// At-least-once: an input offset is committed only after every output it caused
/// (prediction, features, dead letter, state) is acknowledged. Outputs are deterministic,
/// so a replay after a crash repeats records byte for byte and never invents new ones.
public final class Processor: Service {
    private let configuration: ProcessorConfiguration
    private let logger: Logger
    private let models: ServingModels
    /// Whether it makes progress (a commit stuck on the broker makes it unhealthy).
    public let health: ProcessorHealth

    /// The buckets of the processor's duration histograms, by metric name, for the metrics
    /// factory (`leeway_processing_latency_seconds`: 1 ms to 10 s).
    public static let histogramBuckets: [String: [Duration]] = [ProcessingLatency.label: ProcessingLatency.buckets]

    /// A processor serving `models` (the physics baselines by default; a ``RegistryWatch``
    /// keeps them on the approved versions).
    public init(configuration: ProcessorConfiguration, models: ServingModels = ServingModels(),
                health: ProcessorHealth = ProcessorHealth(), logger: Logger = Logger(label: "leeway.processor")) {
        self.configuration = configuration
        self.health = health
        self.models = models
        self.logger = logger
    }

    /// Runs until graceful shutdown (then flushes, commits and leaves the group) or until an
    /// output is refused (then stops without committing it, and throws).
    public func run() async throws {
        try await checkTopics()
        let ledger = DeliveryLedger()
        var producerConfiguration = KafkaProducerConfiguration(bootstrapServers: configuration.client.bootstrapServers)
        producerConfiguration.client = configuration.client
        producerConfiguration.messageTimeout = configuration.deliveryTimeout
        producerConfiguration.linger = configuration.outputLinger
        let producer = try KafkaProducer(configuration: producerConfiguration, logger: logger, onDelivery: ledger.handler)
        var readerConfiguration = KafkaReaderConfiguration(bootstrapServers: configuration.client.bootstrapServers)
        readerConfiguration.client = configuration.client
        readerConfiguration.client.statisticsInterval = nil
        let reader = try KafkaPartitionReader(configuration: readerConfiguration, logger: logger)
        var consumerConfiguration = KafkaConsumerConfiguration(bootstrapServers: configuration.client.bootstrapServers,
                                                               groupID: configuration.groupID, topics: [configuration.topics.telemetry])
        consumerConfiguration.client = configuration.client
        consumerConfiguration.autoCommitInterval = nil
        consumerConfiguration.maxBatchSize = configuration.pollBatch
        consumerConfiguration.idleEventInterval = min(configuration.commitInterval, .milliseconds(100))
        consumerConfiguration.sessionTimeout = configuration.sessionTimeout
        consumerConfiguration.heartbeatInterval = max(.milliseconds(100), configuration.sessionTimeout / 10)
        let consumer = try KafkaConsumer(configuration: consumerConfiguration, logger: logger)

        let loop = ProcessorLoop(configuration: configuration, models: models, producer: producer, consumer: consumer,
                                 reader: reader, ledger: ledger, health: health, logger: logger)
        do {
            try await withGracefulShutdownHandler {
                for try await event in consumer { try await loop.handle(event) }
            } onGracefulShutdown: {
                consumer.requestClose()
            }
        } catch {
            if error is CancellationError {
                logger.notice("processor cancelled; stopping without a final commit")
            } else {
                logger.error("processor stopping", metadata: ["error": "\(error)"])
            }
            await consumer.close()
            await producer.close(timeout: .seconds(5))
            reader.close()
            throw error
        }
        await consumer.close()
        await producer.close()
        reader.close()
    }

    private func checkTopics() async throws {
        let admin = try KafkaAdmin(configuration: configuration.client)
        defer { admin.close() }
        let topics = configuration.topics
        let described = try await admin.describeTopics([topics.telemetry, topics.state])
        let partitions = Dictionary(described.map { ($0.name, $0.partitions) }, uniquingKeysWith: { a, _ in a })
        for topic in [topics.telemetry, topics.state] where (partitions[topic] ?? 0) == 0 {
            throw ProcessorError.missingTopic(topic)
        }
        let input = partitions[topics.telemetry]!, state = partitions[topics.state]!
        guard state >= input else {
            throw ProcessorError.partitionMismatch(telemetry: topics.telemetry, telemetryPartitions: input,
                                                   state: topics.state, statePartitions: state)
        }
    }
}
