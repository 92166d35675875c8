import Foundation
import Kafka
import KafkaTestSupport
import Testing

@Suite("Produce and consume against the dev broker", .serialized, .timeLimit(.minutes(3)))
struct RoundTripTests {
    @Test("100k keyed records with headers arrive intact, none missing or repeated")
    func hundredThousandRecords() async throws {
        let topic = try await TestBroker.makeTopic("roundtrip", partitions: 4)
        let total = 100_000
        let tally = DeliveryTally()
        let producer = try KafkaProducer(configuration: TestBroker.producerConfiguration(), onDelivery: tally.handler)
        for i in 0..<total {
            let record = ProducerRecord(
                topic: topic, key: "vessel-\(i % 997)", value: Array("value-\(i)".utf8),
                headers: [KafkaHeader("seq", "\(i)"), KafkaHeader("empty", nil)])
            try await producer.sendAwaitingRoom(record, token: UInt64(i + 1))
        }
        try await producer.flush(timeout: .seconds(60))
        await producer.close()
        #expect(tally.delivered == total)
        #expect(tally.failures.isEmpty)

        let consumer = try KafkaConsumer(configuration: TestBroker.consumerConfiguration(group: "rt-\(UUID())", topic: topic))
        var seen = [Bool](repeating: false, count: total)
        var duplicates = 0, corrupt = 0, count = 0
        var lastOffset: [Int32: Int64] = [:]
        var outOfOrder = 0
        for try await event in consumer {
            guard case .records(let records) = event else { continue }
            for record in records {
                guard let seq = record.headers.string("seq").flatMap(Int.init), seq < total else { corrupt += 1; continue }
                if seen[seq] { duplicates += 1 }
                seen[seq] = true
                count += 1
                let keyOK = record.key == Array("vessel-\(seq % 997)".utf8)
                let valueOK = record.value == Array("value-\(seq)".utf8)
                let emptyHeader = record.headers.first { $0.name == "empty" }
                if !keyOK || !valueOK || emptyHeader == nil || emptyHeader?.value != nil { corrupt += 1 }
                if let last = lastOffset[record.partition], record.offset <= last { outOfOrder += 1 }
                lastOffset[record.partition] = record.offset
            }
            try consumer.store(processed: records)
            if count >= total { break }
        }
        try await consumer.commit()
        await consumer.close()
        #expect(count == total)
        #expect(duplicates == 0)
        #expect(corrupt == 0)
        #expect(outOfOrder == 0)
        #expect(seen.allSatisfy { $0 })
    }
}
