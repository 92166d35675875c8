import Foundation
import LeewayTopics
import Kafka
import KafkaTestSupport
import LeewayCore
import LeewayPipeline
import LeewaySimulator
import Testing

/// One pipeline's topics on the test broker (or a librdkafka mock cluster), with helpers to
/// feed it and read it back.
struct PipelineFixture {
    let topics: TopicNames
    let group: String
    let partitions: Int
    /// The cluster the topics are on.
    var servers = TestBroker.servers
    /// Where ``produce(_:rate:beforeEach:)``'s records end, per telemetry partition.
    let written = PartitionEnds()

    /// Fresh topics (telemetry, dead letters, predictions, features, state, alerts, models)
    /// under a unique prefix.
    static func make(_ name: String, partitions: Int = 4, on mock: MockCluster? = nil) async throws -> PipelineFixture {
        let prefix = "\(name)-\(UUID().uuidString.prefix(8))."
        let topics = TopicNames(prefix: prefix)
        let specs = topics.all.map { name in
            TopicSpec(name: name, partitions: name == topics.models ? 1 : partitions,
                      configs: [topics.state, topics.features, topics.models].contains(name) ? ["cleanup.policy": "compact"] : [:])
        }
        if let mock {
            for spec in specs { try mock.createTopic(spec.name, partitions: spec.partitions, replicas: mock.brokers) }
            return PipelineFixture(topics: topics, group: "\(prefix)processors", partitions: partitions, servers: [mock.bootstrapServers])
        }
        let admin = try KafkaAdmin(configuration: KafkaClientConfiguration(bootstrapServers: TestBroker.servers))
        defer { admin.close() }
        let result = try await admin.createTopics(specs)
        for (_, failure) in result { if let failure { throw failure } }
        return PipelineFixture(topics: topics, group: "\(prefix)processors", partitions: partitions)
    }

    /// A hand-made report of `id`, `minutes` after 2026-11-30T08:00Z, under way at about 11–12 kn.
    static func report(_ id: String, minutes: Int, type: VesselType = .tanker) -> FleetSimulator.Record {
        var t = Telemetry(vesselID: id, vesselType: type,
                          eventTime: EventTime(microseconds: 1_796_025_600_000_000 + Int64(minutes) * 60_000_000))
        t[.speedThroughWater] = 11 + Double(minutes % 5) / 10
        t[.draft] = 14
        return FleetSimulator.Record(key: Array(id.utf8), value: t.json, intendedRejection: nil, telemetry: t)
    }

    /// The prefix of every topic name, as `--topic-prefix` takes it.
    var prefix: String { String(topics.telemetry.dropLast("fleet.telemetry.v1".count)) }

    /// A new empty directory named after the topics and `name`; the caller removes it.
    func scratchDirectory(_ name: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)\(name)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// A processor configuration for these topics, tuned for the dev broker.
    var configuration: ProcessorConfiguration {
        var configuration = ProcessorConfiguration(bootstrapServers: servers)
        configuration.topics = topics
        configuration.groupID = group
        configuration.sessionTimeout = .seconds(6)
        configuration.commitInterval = .milliseconds(200)
        configuration.client.statisticsInterval = nil
        return configuration
    }

    /// Produces `records` in order, each stamped with its event time (so two topics fed the
    /// same records hold identical bytes, timestamps included), at most `rate` per second.
    func produce(_ records: [FleetSimulator.Record], rate: Double = 0, beforeEach: (Int) async -> Void = { _ in }) async throws {
        var producerConfiguration = TestBroker.producerConfiguration()
        producerConfiguration.client.bootstrapServers = servers
        let deliveries = DeliveryTally()
        let producer = try KafkaProducer(configuration: producerConfiguration, onDelivery: deliveries.handler)
        let started = ContinuousClock.now
        for (index, record) in records.enumerated() {
            await beforeEach(index)
            let stamp = record.telemetry.map { $0.eventTime.microseconds / 1000 } ?? 1_796_025_600_000 + Int64(index)
            try await producer.sendAwaitingRoom(ProducerRecord(topic: topics.telemetry, key: record.key, value: record.value,
                                                               timestampMilliseconds: stamp))
            if rate > 0, index % 200 == 199 {
                try await Task.sleep(until: started.advanced(by: .seconds(Double(index + 1) / rate)))
            }
        }
        try await producer.flush()
        await producer.close()
        written.merge(deliveries)
    }

    /// Waits until the processors' group has committed every telemetry partition to its end
    /// (what ``produce(_:rate:beforeEach:)`` wrote, or the watermark when further).
    func waitUntilCommitted(timeout: Duration = .seconds(150)) async throws {
        var configuration = KafkaReaderConfiguration(bootstrapServers: servers)
        configuration.groupID = group
        let reader = try KafkaPartitionReader(configuration: configuration)
        defer { reader.close() }
        let partitions = (0..<partitions).map { TopicPartition(topics.telemetry, Int32($0)) }
        var ends: [TopicPartition: Int64] = [:]
        for partition in partitions {
            ends[partition] = written.end(of: partition.partition, atLeast: try await reader.watermarks(partition).high)
        }
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while true {
            let committed = try await reader.committed(partitions)
            if committed.allSatisfy({ $0.offset >= ends[$0.topicPartition]! }) { return }
            guard ContinuousClock.now < deadline else {
                Issue.record("not committed to the end after \(timeout): \(committed) of \(ends)")
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// How many input records the group has committed so far.
    func committedCount() async throws -> Int64 {
        var configuration = KafkaReaderConfiguration(bootstrapServers: servers)
        configuration.groupID = group
        let reader = try KafkaPartitionReader(configuration: configuration)
        defer { reader.close() }
        let committed = try await reader.committed((0..<partitions).map { TopicPartition(topics.telemetry, Int32($0)) })
        return committed.reduce(0) { $0 + max(0, $1.offset) }
    }

    /// Waits until `count` predictions are on the predictions topic.
    func waitForPredictions(_ count: Int, timeout: Duration) async throws {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while try await readAll(topics.predictions).count < count {
            guard ContinuousClock.now < deadline else {
                Issue.record("fewer than \(count) predictions after \(timeout)")
                return
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Every record of `topic`, partition by partition.
    func readAll(_ topic: String) async throws -> [ConsumerRecord] {
        let reader = try KafkaPartitionReader(configuration: KafkaReaderConfiguration(bootstrapServers: servers))
        defer { reader.close() }
        let box = RecordBox()
        _ = try await reader.readToEnd((0..<partitions).map { TopicPartition(topic, Int32($0)) }) { box.add($0) }
        return box.records
    }

    /// The newest changelog entry per vessel (nil for a tombstone).
    func latestStates() async throws -> [String: [UInt8]?] {
        var latest: [String: [UInt8]?] = [:]
        for record in try await readAll(topics.state) {
            latest[String(decoding: record.key ?? [], as: UTF8.self)] = .some(record.value)
        }
        return latest
    }
}
