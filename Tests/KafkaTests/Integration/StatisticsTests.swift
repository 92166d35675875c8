import Foundation
import Kafka
import KafkaTestSupport
import Metrics
import MetricsTestKit
import Testing

/// The process-wide test metrics backend (swift-metrics allows one bootstrap per process).
let testMetrics: TestMetrics = {
    let metrics = TestMetrics()
    MetricsSystem.bootstrap(metrics)
    return metrics
}()

@Suite("librdkafka statistics reach swift-metrics", .timeLimit(.minutes(3)))
struct StatisticsTests {
    @Test("consumer lag per partition and broker round-trip time are recorded as gauges")
    func lagAndRTT() async throws {
        let metrics = testMetrics
        let topic = try await TestBroker.makeTopic("stats", partitions: 1)
        let producer = try KafkaProducer(configuration: TestBroker.producerConfiguration())
        for i in 0..<500 { try producer.send(ProducerRecord(topic: topic, key: "k\(i)", value: [1])) }
        try await producer.flush()
        await producer.close()

        var configuration = TestBroker.consumerConfiguration(group: "stats-\(UUID())", topic: topic)
        configuration.client.clientID = "stats-\(UUID().uuidString.prefix(6))"
        configuration.client.statisticsInterval = .milliseconds(200)
        configuration.maxBatchSize = 10
        let consumer = try KafkaConsumer(configuration: configuration)
        let clientID = configuration.client.clientID
        let lag: @Sendable () -> Bool = {
            metrics.recorders(label: "kafka_consumer_lag").contains { recorder in
                recorder.dimensions.contains { $0 == ("topic", topic) } && recorder.dimensions.contains { $0 == ("client", clientID) }
            }
        }
        // Ends the iteration even if no gauge ever appears (no further event would come). The
        // group join and the first statistics take seconds; under the full suite's load, more.
        let watchdog = Task {
            let deadline = ContinuousClock.now.advanced(by: .seconds(60))
            while !lag(), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
            consumer.requestClose()
        }
        for try await event in consumer {
            if case .records(let records) = event { try consumer.store(processed: records) }
        }
        try await watchdog.value
        await consumer.close()
        #expect(lag(), "a kafka_consumer_lag gauge for the topic")
        #expect(metrics.recorders(label: "kafka_broker_rtt_seconds").contains {
            $0.dimensions.contains { $0 == ("client", configuration.client.clientID) }
        })
    }
}
