import Kafka
import Synchronization

/// The latest value per key of a compacted topic, gathered on the reader's thread.
final class RecordBox: Sendable {
    private let latest = Mutex<[String: [UInt8]]>([:])

    func take(_ records: [ConsumerRecord]) {
        latest.withLock { latest in
            for record in records {
                guard let key = record.key.map({ String(decoding: $0, as: UTF8.self) }) else { continue }
                latest[key] = record.value  // a tombstone (nil) removes the key
            }
        }
    }

    var values: [String: [UInt8]] { latest.withLock { $0 } }
}

