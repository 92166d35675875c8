import Foundation
import Kafka
import LeewayTopics
import KafkaTestSupport
import LeewayCore
import LeewayPipeline
import LeewaySimulator
import Logging
import ServiceLifecycle

/// End-to-end steady throughput: `count` simulated records (1,000 vessels) on a fresh
/// telemetry topic, then a processor from an empty group; records/s measured between the
/// group's first commit and its last (so the join is excluded), committing every 200 ms. Next to it, in the same run,
/// the ceiling of this machine: a plain consume-and-produce loop with no processing, and the
/// plain Python confluent-kafka loop (``PythonLoop``) when `make deps` installed it. Each row
/// also carries its process CPU per record over the whole run.
struct PipelineThroughput {
    let options: Options
    let partitions = 6

    func run() async throws -> (pipeline: Row, passthrough: Row, python: Row?) {
        let prefix = "bench-\(UInt32.random(in: 0...UInt32.max))."
        let topics = TopicNames(prefix: prefix)
        let admin = try KafkaAdmin(configuration: KafkaClientConfiguration(bootstrapServers: [options.brokers]))
        let pythonTopics = PythonLoop.isInstalled ? [prefix + "python", prefix + "python-dead"] : []
        for name in topics.all + [prefix + "passthrough"] + pythonTopics {
            try await makeTopic(admin, name, partitions: partitions)
        }
        admin.close()
        let (bytes, ends) = try await produceFleet(topics.telemetry)

        var configuration = options.processor(topics: topics, group: prefix + "processors")
        configuration.commitInterval = .milliseconds(200)
        let processor = Processor(configuration: configuration, logger: Logger(label: "bench"))
        FileHandle.standardError.write(Data("pipeline: the processor starts (pid \(getpid()))\n".utf8))
        let pipeline = try await measure(group: configuration.groupID, topic: topics.telemetry, ends: ends, name: "pipeline", bytes: bytes) {
            try await processor.run()
        }
        let input = topics.telemetry
        let passthrough = try await measure(group: prefix + "passthrough", topic: input, ends: ends, name: "passthrough", bytes: bytes) {
            try await forward(from: input, to: prefix + "passthrough", group: prefix + "passthrough")
        }
        var python: Row?
        if PythonLoop.isInstalled {
            let loop = PythonLoop(), brokers = options.brokers
            python = try await measure(group: prefix + "python", topic: input, ends: ends, name: "python", bytes: bytes,
                                       childCPU: { loop.cpuSeconds.withLock { $0 } }) {
                try await loop.run(brokers: brokers, input: input, output: prefix + "python", deadLetters: prefix + "python-dead",
                                   group: prefix + "python")
            }
        }
        return (pipeline, passthrough, python)
    }

    /// Writes the simulated fleet's records; returns their bytes and, per partition, the
    /// offset after the last one written (from delivery reports: Tansu's watermark is the last
    /// batch's base offset + 1, short of the end).
    private func produceFleet(_ topic: String) async throws -> (bytes: Int, ends: [Int32: Int64]) {
        var configuration = KafkaProducerConfiguration(bootstrapServers: [options.brokers])
        configuration.queueMaxMessages = 500_000
        configuration.client.statisticsInterval = nil
        let deliveries = DeliveryTally()
        let producer = try KafkaProducer(configuration: configuration, onDelivery: deliveries.handler)
        var simulation = FleetSimulator.Configuration()
        simulation.vessels = 1_000
        var fleet = FleetSimulator(simulation)
        var bytes = 0
        for _ in 0..<options.messages {
            let record = fleet.next()
            bytes += record.value.count
            try await producer.sendAwaitingRoom(ProducerRecord(topic: topic, key: record.key, value: record.value))
        }
        try await producer.flush(timeout: .seconds(300))
        await producer.close()
        return (bytes, deliveries.ends)
    }

    /// Runs `work` in a service group and watches `group`'s commits on `topic` until they reach the end.
    /// Its CPU per record is this process's CPU over the run, or what `childCPU` reports after it.
    private func measure(group: String, topic: String, ends: [Int32: Int64], name: String, bytes: Int,
                         childCPU: (() -> Double?)? = nil,
                         _ work: @escaping @Sendable () async throws -> Void) async throws -> Row {
        var readerConfiguration = KafkaReaderConfiguration(bootstrapServers: [options.brokers])
        readerConfiguration.groupID = group
        let reader = try KafkaPartitionReader(configuration: readerConfiguration)
        defer { reader.close() }
        let partitions = (0..<partitions).map { TopicPartition(topic, Int32($0)) }
        // The end is where the input's deliveries ended (a commit never passes a partition's
        // end, so the sum is reached only when every partition is).
        var total: Int64 = 0
        for partition in partitions { total += max(ends[partition.partition] ?? 0, try await reader.watermarks(partition).high) }
        let cpuAtStart = processCPUSeconds()
        let brokerAtStart = options.brokerPID.flatMap { processCPUSeconds(pid: $0) }
        let task = Task { try await work() }
        var first: (at: ContinuousClock.Instant, committed: Int64)?
        var committed: Int64 = 0
        while committed < total {
            try await Task.sleep(for: .milliseconds(50))
            committed = try await reader.committed(partitions).reduce(0) { $0 + max(0, $1.offset) }
            if first == nil, committed > 0 { first = (.now, committed) }
        }
        let end = ContinuousClock.now
        task.cancel()
        _ = try? await task.value
        let cpu = childCPU.map { $0() } ?? processCPUSeconds() - cpuAtStart
        let brokerCPU = options.brokerPID.flatMap { processCPUSeconds(pid: $0) }.flatMap { end in brokerAtStart.map { end - $0 } }
        let start = first ?? (end, 0)
        let counted = Int(committed - start.committed)
        var row = Row(name: name, messages: counted, seconds: (end - start.at).seconds,
                      bytes: bytes / max(1, options.messages) * counted)
        row.cpuMicrosecondsPerRecord = cpu.map { $0 * 1e6 / Double(total) }
        row.brokerMicrosecondsPerRecord = brokerCPU.map { $0 * 1e6 / Double(total) }
        return row
    }

    /// The ceiling: a ``passthrough(_:to:via:onAssigned:)`` committing every 200 ms.
    private func forward(from: String, to: String, group: String) async throws {
        var consumerConfiguration = options.consumer(group: group, topic: from, kafkaProperties: false)
        consumerConfiguration.autoCommitInterval = .milliseconds(200)
        let consumer = try KafkaConsumer(configuration: consumerConfiguration)
        var producerConfiguration = KafkaProducerConfiguration(bootstrapServers: [options.brokers])
        producerConfiguration.queueMaxMessages = 500_000
        producerConfiguration.client.statisticsInterval = nil
        producerConfiguration.client.properties.merge(options.kafkaProperties) { _, new in new }
        let producer = try KafkaProducer(configuration: producerConfiguration)
        await passthrough(consumer, to: to, via: producer)
        await producer.close()
    }
}
