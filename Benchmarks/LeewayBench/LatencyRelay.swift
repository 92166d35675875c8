import Foundation
import Kafka
import LeewayPipeline
import Logging

/// The latency run's second baseline: two hops through the broker with no processing. It
/// consumes the telemetry topic (in a group of its own) and produces each record unchanged,
/// with its Kafka timestamp, to another topic, with the processor's client settings; a
/// watcher of that topic sees what a processor that did nothing would deliver.
final class LatencyRelay: Sendable {
    private let consumer: KafkaConsumer
    private let producer: KafkaProducer
    private let task: Task<Void, Never>

    /// Starts relaying `from` to `to`; returns once the relay has its partitions.
    init(options: Options, from: String, to: String) async throws {
        var consumerConfiguration = KafkaConsumerConfiguration(bootstrapServers: [options.brokers], groupID: to + ".relay", topics: [from])
        consumerConfiguration.sessionTimeout = .seconds(6)
        consumerConfiguration.autoCommitInterval = nil
        consumerConfiguration.client.statisticsInterval = nil
        consumerConfiguration.client.properties.merge(options.kafkaProperties) { _, new in new }
        var producerConfiguration = KafkaProducerConfiguration(bootstrapServers: [options.brokers])
        producerConfiguration.linger = ProcessorConfiguration(bootstrapServers: []).outputLinger
        producerConfiguration.client.statisticsInterval = nil
        producerConfiguration.client.properties.merge(options.kafkaProperties) { _, new in new }
        let consumer = try KafkaConsumer(configuration: consumerConfiguration, logger: Logger(label: "bench"))
        let producer = try KafkaProducer(configuration: producerConfiguration, logger: Logger(label: "bench"))
        let assigned = Counter()
        self.consumer = consumer
        self.producer = producer
        task = Task {
            do {
                for try await event in consumer {
                    switch event {
                    case .assigned(let partitions) where !partitions.isEmpty: assigned.add(1)
                    case .records(let records):
                        for record in records {
                            try await producer.sendAwaitingRoom(ProducerRecord(topic: to, key: record.key, value: record.value,
                                                                               timestampMilliseconds: record.timestampMilliseconds))
                        }
                    default: break
                    }
                }
            } catch is CancellationError {
            } catch {
                FileHandle.standardError.write(Data("latency relay: \(error)\n".utf8))
            }
        }
        let deadline = ContinuousClock.now.advanced(by: .seconds(60))
        while assigned.count == 0 {
            guard ContinuousClock.now < deadline else { throw BenchError("latency: the relay did not join in 60 s") }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    func stop() {
        consumer.requestClose()
        task.cancel()
    }
}
