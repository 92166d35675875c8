import Kafka
import KafkaTestSupport
import Testing

/// Leaders move in every rolling restart; a reader must ask again, not give up.
@Suite("Watermark queries on a mock cluster", .timeLimit(.minutes(2)))
struct WatermarkRetryTests {
    @Test("NOT_LEADER answers to the watermark query are retried: the read to the end still finds every record")
    func retriesNotLeader() async throws {
        let mock = try MockCluster(brokers: 3)
        try mock.createTopic("moving", partitions: 1, replicas: 3)
        var producerConfiguration = TestBroker.producerConfiguration()
        producerConfiguration.client.bootstrapServers = [mock.bootstrapServers]
        let tally = DeliveryTally()
        let producer = try KafkaProducer(configuration: producerConfiguration, onDelivery: tally.handler)
        for index in 0..<500 {
            try await producer.sendAwaitingRoom(ProducerRecord(topic: "moving", key: nil, value: Array("m\(index)".utf8), partition: 0))
        }
        try await producer.flush()
        await producer.close()
        #expect(tally.delivered == 500)

        let reader = try KafkaPartitionReader(configuration: KafkaReaderConfiguration(bootstrapServers: [mock.bootstrapServers]))
        defer { reader.close() }
        mock.moveLeader("moving", partition: 0, to: 2)
        mock.fail(.listOffsets, with: [.notLeader, .notLeader, .notLeader])
        let (_, high) = try await reader.watermarks(TopicPartition("moving", 0), timeout: .seconds(20))
        #expect(high == 500)
        mock.fail(.listOffsets, with: [.notLeader, .notLeader])
        #expect(try await reader.readToEnd([TopicPartition("moving", 0)]) { _ in } == 500)
    }
}
