import Kafka
import KafkaTestSupport
import Testing

@Suite("Keyed records land where the Java client would put them", .timeLimit(.minutes(3)))
struct PartitioningTests {
    @Test("librdkafka's partition for each key equals Murmur2.partition")
    func javaCompatiblePartitioning() async throws {
        let topic = try await TestBroker.makeTopic("partitioning", partitions: 7)
        let tally = DeliveryTally(keepPartitions: true)
        let producer = try KafkaProducer(configuration: TestBroker.producerConfiguration(), onDelivery: tally.handler)
        let keys = (0..<200).map { "IMO\(9_000_000 + $0 * 7919)" }
        for (i, key) in keys.enumerated() {
            try producer.send(ProducerRecord(topic: topic, key: key, value: [1]), token: UInt64(i + 1))
        }
        try await producer.flush()
        await producer.close()
        let partitions = tally.partitions
        #expect(partitions.count == keys.count)
        for (i, key) in keys.enumerated() {
            #expect(partitions[UInt64(i + 1)] == Murmur2.partition(for: Array(key.utf8), partitionCount: 7), "key \(key)")
        }
    }
}
