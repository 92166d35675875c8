import Kafka
import Synchronization

/// The newest changelog entry per vessel and partition, gathered on the reader's thread:
/// later entries replace earlier ones, tombstones included.
final class RestoredStates: Sendable {
    private let latest = Mutex<[Int32: [String: [UInt8]?]]>([:])

    func add(_ batch: [ConsumerRecord]) {
        latest.withLock { latest in
            for record in batch {
                guard let key = record.key else { continue }
                latest[record.partition, default: [:]][String(decoding: key, as: UTF8.self)] = .some(record.value)
            }
        }
    }

    func take() -> [Int32: [String: [UInt8]?]] {
        latest.withLock { $0 }
    }
}
