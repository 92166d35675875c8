import Kafka
import KafkaTestSupport
import Testing

@Suite("Partition reader", .timeLimit(.minutes(3)))
struct PartitionReaderTests {
    @Test("reads chosen partitions from the start to their end, and an empty one at once")
    func readsToEnd() async throws {
        let topic = try await TestBroker.makeTopic("reader", partitions: 3)
        let tally = DeliveryTally(keepPartitions: true)
        let producer = try KafkaProducer(configuration: TestBroker.producerConfiguration(), onDelivery: tally.handler)
        // Partitions 0 and 1 only; partition 2 stays empty.
        for index in 0..<5_000 {
            try await producer.sendAwaitingRoom(ProducerRecord(topic: topic, key: nil, value: Array("r\(index)".utf8),
                                                               partition: Int32(index % 2)), token: UInt64(index))
        }
        try await producer.flush()
        await producer.close()
        #expect(tally.delivered == 5_000)

        let reader = try KafkaPartitionReader(configuration: KafkaReaderConfiguration(bootstrapServers: TestBroker.servers))
        defer { reader.close() }
        let seen = RecordBox()
        let count = try await reader.readToEnd([TopicPartition(topic, 0), TopicPartition(topic, 2)]) { seen.add($0) }
        #expect(count == 2_500)
        let records = seen.records
        #expect(records.allSatisfy { $0.partition == 0 })
        #expect(records.map(\.offset) == Array(0..<2_500))
        #expect(records.map { String(decoding: $0.value ?? [], as: UTF8.self) } == stride(from: 0, to: 5_000, by: 2).map { "r\($0)" })

        // A second read of the same reader starts again from the beginning.
        let again = try await reader.readToEnd([TopicPartition(topic, 1)]) { _ in }
        #expect(again == 2_500)
        #expect(try await reader.readToEnd([TopicPartition(topic, 2)]) { _ in } == 0)
    }
}
