import Kafka
import Synchronization

/// Collects records handed over from another thread.
public final class RecordBox: Sendable {
    private let state = Mutex<[ConsumerRecord]>([])

    public init() {}

    /// Appends a batch.
    public func add(_ batch: [ConsumerRecord]) { state.withLock { $0 += batch } }

    /// Everything collected, in arrival order.
    public var records: [ConsumerRecord] { state.withLock { $0 } }
}
