import Kafka
import Synchronization

/// Which sequence numbers a group has processed, and how often.
final class Ledger: Sendable {
    private let counts = Mutex<[Int: Int]>([:])

    func record(_ records: [ConsumerRecord]) {
        counts.withLock { counts in
            for record in records {
                guard let seq = record.headers.string("seq").flatMap(Int.init) else { continue }
                counts[seq, default: 0] += 1
            }
        }
    }

    var distinct: Int { counts.withLock { $0.count } }
    var duplicates: Int { counts.withLock { $0.values.reduce(0) { $0 + ($1 - 1) } } }
    func missing(below total: Int) -> Int { counts.withLock { counts in (0..<total).count { counts[$0] == nil } } }
}

/// Sends `count` records `"seq"`-numbered from `start`, keyed over 101 vessels.
func produceNumbered(_ producer: KafkaProducer, topic: String, start: Int = 0, count: Int) async throws {
    for seq in start..<(start + count) {
        try await producer.sendAwaitingRoom(ProducerRecord(
            topic: topic, key: "vessel-\(seq % 101)", value: Array("payload-\(seq)".utf8),
            headers: [KafkaHeader("seq", "\(seq)")]))
    }
}
