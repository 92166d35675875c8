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

@Suite("Partition reader, one read at a time", .timeLimit(.minutes(2)))
struct PartitionReaderExclusiveTests {
    @Test("a read while a follow runs on the same reader is refused with a clear error; once the follow stops, reads work again")
    func secondReadIsRefused() async throws {
        let topic = try await TestBroker.makeTopic("reader-one", partitions: 1)
        let producer = try KafkaProducer(configuration: TestBroker.producerConfiguration())
        for index in 0..<100 {
            try producer.send(ProducerRecord(topic: topic, key: nil, value: Array("r\(index)".utf8), partition: 0))
        }
        try await producer.flush()
        await producer.close()

        let reader = try KafkaPartitionReader(configuration: KafkaReaderConfiguration(bootstrapServers: TestBroker.servers))
        defer { reader.close() }
        let control = FollowControl(onEnd: { _ in })
        let seen = RecordBox()
        let following = Task { try await reader.follow([TopicPartition(topic, 0)], control: control) { seen.add($0) } }
        let deadline = ContinuousClock.now.advanced(by: .seconds(60))
        while seen.records.count < 100, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(seen.records.count == 100)

        let refused = await #expect(throws: KafkaError.self) {
            _ = try await reader.readToEnd([TopicPartition(topic, 0)]) { _ in }
        }
        #expect(refused?.code == .invalidArgument && "\(refused!)".contains("another read or follow is running"), "\(String(describing: refused))")
        #expect(seen.records.count == 100, "the follow was not disturbed")

        control.stop()
        #expect(try await following.value == 100)
        #expect(try await reader.readToEnd([TopicPartition(topic, 0)]) { _ in } == 100, "free again once the follow returned")
    }
}
