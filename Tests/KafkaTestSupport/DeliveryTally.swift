import Kafka
import Synchronization

/// Counts delivery reports from a producer's handler.
public final class DeliveryTally: Sendable {
    private struct State {
        var ok = 0
        var failed: [KafkaError] = []
        var partitions: [UInt64: Int32] = [:]
        var ends: [Int32: Int64] = [:]
    }
    private let state = Mutex(State())
    private let keepPartitions: Bool

    public init(keepPartitions: Bool = false) { self.keepPartitions = keepPartitions }

    public var handler: @Sendable ([DeliveryReport]) -> Void {
        { reports in
            self.state.withLock { state in
                for report in reports {
                    if let error = report.error { state.failed.append(error) } else { state.ok += 1 }
                    if self.keepPartitions { state.partitions[report.token] = report.partition }
                    if report.error == nil, let offset = report.offset {
                        state.ends[report.partition] = max(state.ends[report.partition] ?? 0, offset + 1)
                    }
                }
            }
        }
    }

    public var delivered: Int { state.withLock { $0.ok } }
    public var failures: [KafkaError] { state.withLock { $0.failed } }
    public var partitions: [UInt64: Int32] { state.withLock { $0.partitions } }
    /// Per partition, the offset after the last record the broker acknowledged: the real end
    /// of what was written, where a broker's high watermark may lag (Tansu 0.6 reports the
    /// last batch's base offset + 1).
    public var ends: [Int32: Int64] { state.withLock { $0.ends } }
}
