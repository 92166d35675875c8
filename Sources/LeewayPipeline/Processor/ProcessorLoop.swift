import Kafka
import LeewayCore
import Logging

/// The processor's work on the consumer's events: restore on assignment, the per-report
/// pass on records, commit on a timer and on revocation. Runs on one task.
final class ProcessorLoop {
    let configuration: ProcessorConfiguration
    let producer: KafkaProducer
    let consumer: KafkaConsumer
    let reader: KafkaPartitionReader
    let ledger: DeliveryLedger
    let health: ProcessorHealth
    let logger: Logger
    let changelog: StateChangelog
    let metrics = ProcessorMetrics()
    /// The bound on vessels held in memory.
    let cap: VesselCap
    /// The models served and the generation of them the pass uses.
    let models: ServingModels
    var modelGeneration: Int
    var batchPass: BatchPass
    var stores: [Int32: PartitionStore] = [:]
    /// Outputs counted per commit point.
    let outputs: OutputEpochs
    /// Commit points on their way, oldest first.
    var pending: [PendingCommit] = []
    /// Offset commits in the background.
    let offsetCommits: OffsetCommits
    var nextCommit: ContinuousClock.Instant
    /// Whether records were processed since the last commit.
    var uncommitted = false
    /// Reports handled since the last progress log, and when that was.
    var progress = (reports: 0, since: ContinuousClock.now, committing: Duration.zero, busy: Duration.zero, evicted: 0)
    /// Whether the vessel cap has been reached (said once in the log).
    var capReached = false

    init(configuration: ProcessorConfiguration, models: ServingModels, producer: KafkaProducer, consumer: KafkaConsumer,
         reader: KafkaPartitionReader, ledger: DeliveryLedger, health: ProcessorHealth, logger: Logger) {
        self.configuration = configuration
        self.producer = producer
        self.consumer = consumer
        self.reader = reader
        self.ledger = ledger
        self.health = health
        self.logger = logger
        changelog = StateChangelog(topic: configuration.topics.state)
        cap = VesselCap(limit: configuration.maxVessels)
        self.models = models
        let outputs = OutputEpochs(producer: producer, ledger: ledger)
        self.outputs = outputs
        offsetCommits = OffsetCommits(consumer: consumer)
        let snapshot = models.snapshot
        modelGeneration = snapshot.generation
        batchPass = BatchPass(
            topics: configuration.topics, intake: TelemetryIntake(deadLetterTopic: configuration.topics.deadLetters),
            pass: VesselPass(policy: configuration.policy, featuresEvery: configuration.featuresEvery, models: snapshot.catalog),
            output: outputs, logger: logger,
            alerts: AlertSink(output: outputs, topic: configuration.topics.alerts), staleAfter: configuration.staleAfter,
            modelCalls: health.modelCalls)
        nextCommit = .now.advanced(by: configuration.commitInterval)
    }

    func handle(_ event: ConsumerEvent) async throws {
        let began = ContinuousClock.now
        defer { progress.busy += ContinuousClock.now - began }
        switch event {
        case .assigned(let partitions):
            health.answered()
            try await restore(partitions.filter { $0.topic == configuration.topics.telemetry }.map(\.partition))
        case .records(let records):
            health.answered()
            try await process(records)
            if ContinuousClock.now >= nextCommit { try await checkpoint() }
            try await advanceCommits()
        case .revoked(let partitions):
            try await commitNow()
            for partition in partitions { stores[partition.partition] = nil }
            metrics.vessels.record(stores.values.reduce(0) { $0 + $1.slots.count })
            logger.info("partitions revoked", metadata: ["partitions": "\(partitions.map(\.partition).sorted())"])
        case .idle:
            if uncommitted, ContinuousClock.now >= nextCommit { try await checkpoint() }
            try await advanceCommits()
            if pending.isEmpty, offsetCommits.inFlightSince == nil { probeBroker() }
        case .lost(let partitions):
            for partition in partitions { stores[partition.partition] = nil }
            dropPending(partitions.map(\.partition))
            logger.warning("partitions lost; their uncommitted work will be redone by their next owner",
                           metadata: ["partitions": "\(partitions.map(\.partition).sorted())"])
        }
    }

    private func restore(_ partitions: [Int32]) async throws {
        guard !partitions.isEmpty else { return }
        let started = ContinuousClock.now
        let (restored, records) = try await changelog.restore(partitions, reader: reader, timeout: configuration.restoreTimeout,
                                                              logger: logger)
        if let after = configuration.staleAfter {
            for store in restored.values { store.judgeRestored(after: after) }
        }
        stores.merge(restored) { _, new in new }
        let elapsed = ContinuousClock.now - started
        metrics.restoredRecords.increment(by: records)
        metrics.restoreSeconds.recordNanoseconds(Int64(elapsed.components.seconds) * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000)
        let vessels = restored.values.reduce(0) { $0 + $1.slots.count }
        metrics.vessels.record(stores.values.reduce(0) { $0 + $1.slots.count })
        logger.info("partitions assigned; state restored", metadata: [
            "partitions": "\(partitions.sorted())", "vessels": "\(vessels)", "changelog_records": "\(records)",
            "seconds": "\(elapsed)",
        ])
    }
}

extension ProcessorLoop {
    /// While input is quiet, asks the broker for the input's first partition's watermarks (one
    /// probe at a time, at most one per half the health's patience, on its own task): a frozen
    /// broker with nothing to commit would otherwise look healthy. The answer only feeds
    /// ``ProcessorHealth``.
    func probeBroker() {
        guard health.beginProbe(interval: health.patience / 2) else { return }
        let (consumer, health) = (consumer, health)
        let probed = TopicPartition(configuration.topics.telemetry, 0)
        let timeout = health.patience + .seconds(5)
        Task {
            let reply = (try? await consumer.watermarks(probed, timeout: timeout)) != nil
            health.endProbe(answered: reply)
        }
    }
}
