import Kafka
import LeewayTopics
import Logging
import Metrics
import ServiceLifecycle

/// Fills a cache instance: reads the predictions, features, alerts and model registry
/// topics from their start (every partition, outside any consumer group, so every instance
/// holds everything), marks ``CacheProgress`` ready once it has caught up, then follows
/// new records until graceful shutdown. A missing topic or an unreachable broker is
/// retried; the instance stays unready until it has read everything once.
public struct CacheFeed: Service {
    /// The stores this feed fills.
    public struct Stores: Sendable {
        /// Predictions and features per vessel.
        public var fleet: FleetCache
        /// Drift alerts.
        public var alerts: AlertBoard
        /// The model registry.
        public var models: RegistryView
        /// Readiness, lag and counters.
        public var progress: CacheProgress

        /// Stores for one instance.
        public init(fleet: FleetCache = FleetCache(), alerts: AlertBoard = AlertBoard(), models: RegistryView = RegistryView(),
                    progress: CacheProgress = CacheProgress()) {
            self.fleet = fleet
            self.alerts = alerts
            self.models = models
            self.progress = progress
        }
    }

    private let client: KafkaClientConfiguration
    private let topics: TopicNames
    private let stores: Stores
    private let retryDelay: Duration
    private let logger: Logger

    /// A feed from the cluster `client` names into `stores`.
    public init(client: KafkaClientConfiguration, topics: TopicNames, stores: Stores, retryDelay: Duration = .seconds(2),
                logger: Logger = Logger(label: "leeway.cache")) {
        self.client = client
        self.topics = topics
        self.stores = stores
        self.retryDelay = retryDelay
        self.logger = logger
    }

    /// Reads until graceful shutdown, then ends the alert streams.
    public func run() async throws {
        defer { stores.alerts.close() }
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await follow()
                } catch {
                    if Task.isCancelled { break }
                    if stores.progress.problem == nil {
                        logger.warning("cache feed interrupted; retrying", metadata: ["error": "\(error)"])
                    }
                    stores.progress.fail("\(error)")
                }
                try? await Task.sleep(for: retryDelay)
            }
        }
    }

    /// One reading session: find every partition, read them all, follow.
    private func follow() async throws {
        var configuration = KafkaReaderConfiguration(bootstrapServers: client.bootstrapServers)
        configuration.client = client
        configuration.client.statisticsInterval = nil
        configuration.groupID = "leeway-cache-reader"
        // The registry is written in transactions; an aborted decision must never show.
        configuration.readCommitted = true
        let wanted = [topics.predictions, topics.features, topics.alerts, topics.models]
        let admin = try KafkaAdmin(configuration: configuration.client, logger: logger)
        let existing = try await admin.listTopics()
        admin.close()
        let missing = wanted.filter { name in !existing.contains { $0.name == name } }
        guard missing.isEmpty else { throw CacheFeedError.missingTopics(missing) }
        let partitions = existing.filter { wanted.contains($0.name) }.flatMap { topic in
            (0..<Int32(topic.partitions)).map { TopicPartition(topic.name, $0) }
        }
        let reader = try KafkaPartitionReader(configuration: configuration, logger: logger)
        defer { reader.close() }
        let progress = stores.progress, logger = logger
        let control = FollowControl(onEnd: { records in
            if !progress.isReady {
                logger.notice("cache caught up; ready", metadata: ["records": "\(records)"])
            }
            progress.fail(nil)
            progress.reachedEnd()
        }, onLag: { lag in progress.report(lag) })
        logger.info("cache reading", metadata: ["partitions": "\(partitions.count)", "topics": "\(wanted.joined(separator: ","))"])
        let apply = CacheApply(topics: topics, stores: stores)
        _ = try await reader.follow(partitions, control: control) { records in apply(records) }
    }
}

/// Routes each record to its store.
struct CacheApply: Sendable {
    let topics: TopicNames
    let stores: CacheFeed.Stores
    /// Looked up once per feed, not per batch (each lookup takes the registry's lock).
    private let evictions = Counter(label: "leeway_cache_vessels_evicted_total")
    private let vessels = Gauge(label: "leeway_cache_vessels")

    init(topics: TopicNames, stores: CacheFeed.Stores) {
        self.topics = topics
        self.stores = stores
    }

    func callAsFunction(_ records: [ConsumerRecord]) {
        let evictedBefore = stores.fleet.evicted
        var applied: [String: (Int, Int)] = [:]
        for record in records {
            let ok: Bool
            switch record.topic {
            case topics.predictions:
                ok = stores.fleet.apply(.prediction, key: record.key, value: record.value, partition: record.partition,
                                        offset: record.offset, timestamp: record.timestampMilliseconds)
            case topics.features:
                ok = stores.fleet.apply(.features, key: record.key, value: record.value, partition: record.partition,
                                        offset: record.offset, timestamp: record.timestampMilliseconds)
            case topics.alerts:
                ok = stores.alerts.apply(key: record.key, value: record.value, partition: record.partition, offset: record.offset)
            default:
                stores.models.apply(key: record.key, value: record.value)
                ok = true
            }
            applied[record.topic, default: (0, 0)].0 += ok ? 1 : 0
            applied[record.topic, default: (0, 0)].1 += ok ? 0 : 1
        }
        for (topic, (good, bad)) in applied { stores.progress.count(topic, applied: good, rejected: bad) }
        let evicted = stores.fleet.evicted - evictedBefore
        if evicted > 0 { evictions.increment(by: evicted) }
        vessels.record(stores.fleet.count)
    }
}

/// Why a cache cannot start reading.
enum CacheFeedError: Error, CustomStringConvertible {
    case missingTopics([String])

    var description: String {
        switch self {
        case .missingTopics(let names): "topics missing: \(names.joined(separator: ", ")) (create them with `leeway topics apply`)"
        }
    }
}
