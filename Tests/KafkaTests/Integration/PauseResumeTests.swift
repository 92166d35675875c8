import Foundation
import Kafka
import KafkaTestSupport
import Testing

@Suite("Pausing a partition stops its records until it is resumed", .timeLimit(.minutes(3)))
struct PauseResumeTests {
    @Test("records of a paused partition wait; the others keep flowing; resume delivers the rest")
    func pauseOnePartition() async throws {
        let topic = try await TestBroker.makeTopic("pause", partitions: 2)
        let producer = try KafkaProducer(configuration: TestBroker.producerConfiguration())
        for seq in 0..<400 {
            try producer.send(ProducerRecord(topic: topic, key: nil, value: Array("\(seq)".utf8),
                                             headers: [KafkaHeader("seq", "\(seq)")], partition: Int32(seq % 2)))
        }
        try await producer.flush()

        let consumer = try KafkaConsumer(configuration: TestBroker.consumerConfiguration(group: "pause-\(UUID())", topic: topic))
        let paused = TopicPartition(topic, 1)
        var perPartition: [Int32: Int] = [:]
        var resumed = false, sentMore = false
        for try await event in consumer {
            switch event {
            case .assigned:
                try consumer.pause([paused])
            case .records(let records):
                for record in records { perPartition[record.partition, default: 0] += 1 }
                if !resumed { #expect(!records.contains { $0.partition == 1 }, "no records from the paused partition") }
                try consumer.store(processed: records)
            case .revoked, .lost, .idle:
                break
            }
            if !sentMore, perPartition[0] == 200 {
                // Partition 0 is drained while 1 is paused; more for 0 still flows.
                for seq in 400..<410 {
                    try producer.send(ProducerRecord(topic: topic, key: nil, value: [1], headers: [KafkaHeader("seq", "\(seq)")], partition: 0))
                }
                try await producer.flush()
                sentMore = true
            }
            if !resumed, perPartition[0] == 210 {
                #expect(perPartition[1, default: 0] == 0)
                try consumer.resume([paused])
                resumed = true
            }
            if perPartition[1] == 200 { break }
        }
        await consumer.close()
        await producer.close()
        #expect(perPartition[0] == 210)
        #expect(perPartition[1] == 200)
    }
}
