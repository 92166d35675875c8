import Foundation
import LeewayTopics
import Kafka
import KafkaTestSupport
import LeewayPipeline
import LeewaySimulator

/// One pipeline's topics on the broker under a unique prefix, and the reads a scenario
/// needs to count what went in and what came out.
struct ChaosPipeline {
    let brokers: String
    let prefix: String
    let topics: TopicNames
    let partitions: Int
    /// The processors' consumer group.
    let group: String
    /// One reader for the polled offset queries (committed positions of `group`, the input's end).
    private let offsets: KafkaPartitionReader
    /// Where the harness's input ends, per telemetry partition, from its delivery reports.
    private let written = PartitionEnds()

    /// Creates the topics on the broker at `brokers`, or through `mock` when given (its
    /// brokers are at `brokers`; compaction is not modelled there).
    static func make(_ name: String, brokers: String, partitions: Int = 6, mock: MockCluster? = nil) async throws -> ChaosPipeline {
        let prefix = "chaos-\(name)-\(UUID().uuidString.prefix(6))."
        let topics = TopicNames(prefix: prefix)
        let specs = topics.all.map { topic in
            TopicSpec(name: topic, partitions: topic == topics.models ? 1 : partitions,
                      configs: [topics.state, topics.features, topics.models].contains(topic) ? ["cleanup.policy": "compact"] : [:])
        }
        if let mock {
            for spec in specs { try mock.createTopic(spec.name, partitions: spec.partitions, replicas: mock.brokers) }
        } else {
            let admin = try KafkaAdmin(configuration: KafkaClientConfiguration(bootstrapServers: [brokers]))
            defer { admin.close() }
            for (_, failure) in try await admin.createTopics(specs) { if let failure { throw failure } }
        }
        var configuration = KafkaReaderConfiguration(bootstrapServers: [brokers])
        configuration.client = client(brokers)
        configuration.groupID = prefix + "processors"
        return ChaosPipeline(brokers: brokers, prefix: prefix, topics: topics, partitions: partitions, group: configuration.groupID,
                             offsets: try KafkaPartitionReader(configuration: configuration))
    }

    static func client(_ brokers: String) -> KafkaClientConfiguration {
        var client = KafkaClientConfiguration(bootstrapServers: [brokers])
        client.statisticsInterval = nil
        return client
    }

    var client: KafkaClientConfiguration { Self.client(brokers) }

    /// Produces `values` (key, value) to `topic`, stamped with `timestamps` when given.
    func produce(_ records: [(key: [UInt8]?, value: [UInt8], timestamp: Int64?)], to topic: String,
                 maxMessageBytes: Int? = nil, rate: Double = 0) async throws {
        var configuration = KafkaProducerConfiguration(bootstrapServers: [brokers])
        configuration.client = client
        configuration.queueMaxMessages = 500_000
        // The input must outlive the faults (a 30 s broker freeze would expire librdkafka's
        // default 30 s message timeout and lose input the pipeline never saw).
        configuration.messageTimeout = .seconds(600)
        if let maxMessageBytes { configuration.client.properties["message.max.bytes"] = String(maxMessageBytes) }
        let deliveries = DeliveryTally()
        let producer = try KafkaProducer(configuration: configuration, onDelivery: deliveries.handler)
        let started = ContinuousClock.now
        for (index, record) in records.enumerated() {
            try await producer.sendAwaitingRoom(ProducerRecord(topic: topic, key: record.key, value: record.value,
                                                               timestampMilliseconds: record.timestamp))
            if rate > 0, index % 100 == 99 { try await Task.sleep(until: started.advanced(by: .seconds(Double(index + 1) / rate))) }
        }
        try await producer.flush(timeout: .seconds(600))
        await producer.close()
        if let first = deliveries.failures.first {
            throw ChaosError("the harness could not write \(deliveries.failures.count) of \(records.count) input records to \(topic): \(first)")
        }
        if topic == topics.telemetry { written.merge(deliveries) }
    }

    /// Every record of `topic`, handed over in batches.
    func read(_ topic: String, partitions: Int? = nil, _ body: @escaping @Sendable ([ConsumerRecord]) -> Void) async throws -> Int {
        var configuration = KafkaReaderConfiguration(bootstrapServers: [brokers])
        configuration.client = client
        let reader = try KafkaPartitionReader(configuration: configuration)
        defer { reader.close() }
        return try await reader.readToEnd((0..<(partitions ?? self.partitions)).map { TopicPartition(topic, Int32($0)) },
                                          timeout: .seconds(600), body)
    }

    /// Input records the processors' group has committed on the telemetry topic.
    func committed() async throws -> Int64 {
        try await committedOffsets().reduce(0) { $0 + max(0, $1) }
    }

    /// The group's committed offset per telemetry partition (-1001 when none).
    private func committedOffsets() async throws -> [Int64] {
        try await offsets.committed(telemetryPartitions).map(\.offset)
    }

    private var telemetryPartitions: [TopicPartition] { (0..<partitions).map { TopicPartition(topics.telemetry, Int32($0)) } }

    /// The telemetry topic's end per partition: where the harness's acknowledged input ends,
    /// or the broker's high watermark when that is further. Never the watermark alone: Tansu
    /// reports it as the last batch's base offset + 1, and a wait for it ends while the last
    /// batch is still being processed (it once cut a run 2,000 predictions short).
    func inputEnds() async throws -> [Int64] {
        var ends: [Int64] = []
        for partition in telemetryPartitions {
            ends.append(written.end(of: partition.partition, atLeast: try await offsets.watermarks(partition).high))
        }
        return ends
    }

    /// The telemetry topic's end, summed over partitions (see ``inputEnds()``).
    func inputEnd() async throws -> Int64 { try await inputEnds().reduce(0, +) }

    /// Waits until the processors' group has committed the whole telemetry topic; gives up
    /// early when `process` exits (the error carries its last logged error).
    func waitUntilCommitted(timeout: Duration = .seconds(900), watching process: LeewayProcess) async throws {
        let ends = try await inputEnds()
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while true {
            let committed = try await committedOffsets()
            if zip(committed, ends).allSatisfy({ $0 >= $1 }) { return }
            guard ContinuousClock.now < deadline else { throw ChaosError("\(group) committed \(committed) of \(ends) within \(timeout)") }
            guard process.process.isRunning else {
                throw ChaosError("the processor of \(group) exited (status \(process.process.terminationStatus)) before committing the input; "
                                 + "its last error: \(process.lastError ?? "none logged") (\(process.logURL.path))")
            }
            try await Task.sleep(for: .milliseconds(200))
        }
    }
}

/// A simulated fleet's records, stamped with their event time (as the broker would get them).
func simulatedFleet(vessels: Int, records: Int, seed: UInt64, badFraction: Double = 0) -> [(key: [UInt8]?, value: [UInt8], timestamp: Int64?)] {
    var configuration = FleetSimulator.Configuration()
    configuration.vessels = vessels
    configuration.seed = seed
    configuration.badFraction = badFraction
    var fleet = FleetSimulator(configuration)
    return (0..<records).map { index in
        let record = fleet.next()
        return (record.key, record.value, record.telemetry.map { $0.eventTime.microseconds / 1_000 } ?? 1_796_025_600_000 + Int64(index))
    }
}

struct ChaosError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
