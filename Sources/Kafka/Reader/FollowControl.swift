import Synchronization

/// Steers ``KafkaPartitionReader/follow(_:control:_:)``: learns when the reader first
/// reached the end and how far behind it is, and stops it.
public final class FollowControl: Sendable {
    private let stopped = Atomic<Bool>(false)
    private let onEnd: @Sendable (Int) -> Void
    private let onLag: @Sendable ([TopicPartition: Int64]) -> Void
    /// How often `onLag` hears the records behind per partition.
    public let lagInterval: Duration

    /// Calls `onEnd` once with the records read when every partition first reached its end,
    /// and `onLag` every `lagInterval` with each partition's records still to read.
    public init(lagInterval: Duration = .seconds(1), onEnd: @escaping @Sendable (Int) -> Void,
                onLag: @escaping @Sendable ([TopicPartition: Int64]) -> Void = { _ in }) {
        self.lagInterval = lagInterval
        self.onEnd = onEnd
        self.onLag = onLag
    }

    /// Asks the reader to return within one poll (50 ms).
    public func stop() { stopped.store(true, ordering: .releasing) }

    /// Whether ``stop()`` was called.
    public var isStopped: Bool { stopped.load(ordering: .acquiring) }

    func reachedEnd(_ records: Int) { onEnd(records) }
    func report(_ lag: [TopicPartition: Int64]) { onLag(lag) }
}
