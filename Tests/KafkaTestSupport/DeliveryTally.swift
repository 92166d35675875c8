import Kafka
import Synchronization

/// Counts delivery reports from a producer's handler.
public final class DeliveryTally: Sendable {
    private let state = Mutex<(ok: Int, failed: [KafkaError], partitions: [UInt64: Int32])>((0, [], [:]))
    private let keepPartitions: Bool

    public init(keepPartitions: Bool = false) { self.keepPartitions = keepPartitions }

    public var handler: @Sendable ([DeliveryReport]) -> Void {
        { reports in
            self.state.withLock { state in
                for report in reports {
                    if let error = report.error { state.failed.append(error) } else { state.ok += 1 }
                    if self.keepPartitions { state.partitions[report.token] = report.partition }
                }
            }
        }
    }

    public var delivered: Int { state.withLock { $0.ok } }
    public var failures: [KafkaError] { state.withLock { $0.failed } }
    public var partitions: [UInt64: Int32] { state.withLock { $0.partitions } }
}
