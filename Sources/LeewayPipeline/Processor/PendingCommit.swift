import Kafka

/// A commit point on its way: what it waits for before its changelog records are sent, and
/// the input positions it stores once those are acknowledged too.
struct PendingCommit {
    /// The token of the outputs sent before the point (``OutputEpochs``).
    let outputs: UInt64
    /// The changelog records taken at the point (tombstones first), sent once `outputs` is
    /// acknowledged; empty after.
    var changelog: [ProducerRecord]
    /// The token of the changelog records once sent.
    var changelogToken: UInt64?
    /// One past the last input offset processed per partition, at the point.
    var positions: [TopicPartitionOffset]
    /// When the point was taken.
    let since: ContinuousClock.Instant

    /// Drops what belongs to `partitions` (lost to another member, which repeats it).
    mutating func drop(_ partitions: Set<Int32>) {
        positions.removeAll { partitions.contains($0.topicPartition.partition) }
        changelog.removeAll { $0.partition.map(partitions.contains) ?? false }
    }
}
