import Foundation
import Kafka
import KafkaTestSupport
import Logging
import ServiceLifecycle
import Synchronization
import Testing

@Suite("Graceful shutdown drains and commits", .timeLimit(.minutes(3)))
struct GracefulShutdownTests {
    @Test("on graceful shutdown the consumer delivers a final revoke, the handler commits, and the sequence ends")
    func shutdownCommits() async throws {
        let topic = try await TestBroker.makeTopic("shutdown", partitions: 3)
        let group = "shutdown-\(UUID())"
        let producer = try KafkaProducer(configuration: TestBroker.producerConfiguration())
        try await produceNumbered(producer, topic: topic, count: 3_000)
        try await producer.flush()
        await producer.close()

        let consumer = try KafkaConsumer(configuration: TestBroker.consumerConfiguration(group: group, topic: topic))
        let services = ServiceGroup(configuration: .init(services: [.init(service: consumer)], logger: Logger(label: "test")))
        let running = Task { try await services.run() }

        let ledger = Ledger()
        var revokes = 0, shutdownTriggered = false
        for try await event in consumer {
            switch event {
            case .records(let records):
                ledger.record(records)
                try consumer.store(processed: records)
                if ledger.distinct >= 3_000, !shutdownTriggered {
                    shutdownTriggered = true
                    await services.triggerGracefulShutdown()
                }
            case .revoked:
                revokes += 1
                try await consumer.commit()
            case .assigned, .lost, .idle:
                break
            }
        }
        try await running.value
        #expect(revokes == 1)
        #expect(ledger.distinct == 3_000)

        let checker = try KafkaConsumer(configuration: TestBroker.consumerConfiguration(group: group, topic: topic))
        let committed = try await checker.committed((0..<3).map { TopicPartition(topic, $0) })
        await checker.close()
        #expect(committed.map(\.offset).reduce(0, +) == 3_000, "committed \(committed)")
    }
}
