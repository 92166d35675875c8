import Kafka
import LeewayPipeline
import Logging

/// The latency run's second baseline: two hops through the broker with no processing. A
/// ``passthrough(_:to:via:onAssigned:)`` from the telemetry topic (in a group of its own)
/// to another topic, with the processor's client settings; a watcher of that topic sees
/// what a processor that did nothing would deliver.
final class LatencyRelay: Sendable {
    private let task: Task<Void, Never>

    /// Starts relaying `from` to `to`; returns once the relay has its partitions.
    init(options: Options, from: String, to: String) async throws {
        var producerConfiguration = KafkaProducerConfiguration(bootstrapServers: [options.brokers])
        producerConfiguration.linger = ProcessorConfiguration(bootstrapServers: []).outputLinger
        producerConfiguration.client.statisticsInterval = nil
        producerConfiguration.client.properties.merge(options.kafkaProperties) { _, new in new }
        let consumer = try KafkaConsumer(configuration: options.consumer(group: to + ".relay", topic: from, kafkaProperties: true),
                                         logger: Logger(label: "bench"))
        let producer = try KafkaProducer(configuration: producerConfiguration, logger: Logger(label: "bench"))
        let assigned = Counter()
        task = Task { await passthrough(consumer, to: to, via: producer) { assigned.add(1) } }
        guard try await waitUntil(timeout: .seconds(60), { assigned.count > 0 }) else {
            task.cancel()
            throw BenchError("latency: the relay did not join in 60 s")
        }
    }

    func stop() { task.cancel() }
}
