import Kafka
import Synchronization

/// The ends of what a test wrote to a topic, per partition, gathered from delivery reports
/// across several producers: "everything was processed" means a group committed these, not
/// the broker's high watermark (Tansu 0.6 reports the last batch's base offset + 1, so a
/// wait on the watermark ends while the last batch is still being processed).
public final class PartitionEnds: Sendable {
    private let ends = Mutex<[Int32: Int64]>([:])

    public init() {}

    /// Takes in the ends a producer's deliveries reached.
    public func merge(_ tally: DeliveryTally) {
        let reached = tally.ends
        ends.withLock { ends in ends.merge(reached) { max($0, $1) } }
    }

    /// The end of `partition` written so far, or `floor` when it is further (e.g. a
    /// watermark covering records written by someone else).
    public func end(of partition: Int32, atLeast floor: Int64 = 0) -> Int64 {
        max(floor, ends.withLock { $0[partition] ?? 0 })
    }
}
