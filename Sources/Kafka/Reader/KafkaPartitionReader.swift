import CRdKafka
import Logging
import Synchronization

/// Reads chosen partitions from their start to their current end, outside any consumer
/// group: how a processor restores its state from a changelog and how a cache warms up
/// from compacted topics. Nothing is committed.
///
/// "The end" is the high watermark when reading starts. A partition is done at its
/// end-of-partition event, or once the record before the watermark has arrived and the
/// partition has been quiet for ``KafkaReaderConfiguration/settleTime`` (brokers such as
/// Tansu 0.6 report the watermark as the last batch's base offset plus one).
public final class KafkaPartitionReader: Sendable {
    private let handle: RdKafkaHandle
    private let context: ConsumerContext
    private let gate = HandleGate()
    private let configuration: KafkaReaderConfiguration
    /// Whether a read or a follow holds the client: one at a time, since each assigns its
    /// own partitions and fills the context's batch.
    private let reading = Atomic<Bool>(false)

    /// Connects a reader.
    public init(configuration: KafkaReaderConfiguration, logger: Logger = Logger(label: "kafka.reader")) throws(KafkaError) {
        let context = ConsumerContext(logger: logger, clientID: configuration.client.clientID)
        handle = try RdKafkaHandle(.consumer, properties: configuration.rdkafkaProperties, context: context,
                                   operation: "create partition reader")
        rd_kafka_poll_set_consumer(handle.pointer)
        self.context = context
        self.configuration = configuration
    }

    /// Reads `partitions` from their earliest offset to their end, handing records to
    /// `body` in batches (on a dedicated thread, in partition order). Returns how many
    /// records were read. Throws `timedOut` when the end is not reached within `timeout`.
    public func readToEnd(_ partitions: [TopicPartition], timeout: Duration = .seconds(60),
                          _ body: @escaping @Sendable ([ConsumerRecord]) -> Void) async throws(KafkaError) -> Int {
        guard !partitions.isEmpty else { return 0 }
        let settle = configuration.settleTime
        return try await exclusively("read \(partitions)") { () throws(KafkaError) in
            try ReadToEnd(rk: self.handle.pointer, context: self.context, settle: settle).run(partitions, timeout: timeout, body)
        }
    }

    /// Reads `partitions` from their earliest offset like ``readToEnd(_:timeout:_:)``, tells
    /// `control` when the end is reached, then keeps handing new records to `body` until
    /// `control` is stopped or the task is cancelled. Returns how many records were read.
    public func follow(_ partitions: [TopicPartition], control: FollowControl,
                       _ body: @escaping @Sendable ([ConsumerRecord]) -> Void) async throws(KafkaError) -> Int {
        let settle = configuration.settleTime
        let result: Result<Int, KafkaError> = await withTaskCancellationHandler {
            do throws(KafkaError) {
                return .success(try await exclusively("follow \(partitions)") { () throws(KafkaError) in
                    try ReadToEnd(rk: self.handle.pointer, context: self.context, settle: settle)
                        .run(partitions, timeout: .seconds(0), follow: control, body)
                })
            } catch {
                return .failure(error)
            }
        } onCancel: {
            control.stop()
        }
        return try result.get()
    }

    /// Runs `body` on a thread of its own, inside the gate, unless another read or follow
    /// is running on this reader (then it throws `invalidArgument`).
    private func exclusively<T: Sendable>(_ operation: String, _ body: @escaping @Sendable () throws(KafkaError) -> T) async throws(KafkaError) -> T {
        guard reading.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else {
            throw KafkaError.misuse("another read or follow is running on this reader; use one reader per concurrent read",
                                    operation: operation)
        }
        defer { reading.store(false, ordering: .releasing) }
        return try await offloaded { () throws(KafkaError) in
            try self.gate.run("partition reader", operation) { () throws(KafkaError) in try body() }
        }
    }

    /// The committed positions of the configured group for `partitions` (offset -1001 when
    /// none), e.g. to watch a consumer group's progress without joining it.
    public func committed(_ partitions: [TopicPartition], timeout: Duration = .seconds(10)) async throws(KafkaError) -> [TopicPartitionOffset] {
        try await offloaded { () throws(KafkaError) in
            try self.gate.run("partition reader", "fetch committed offsets") { () throws(KafkaError) in
                try OffsetQueries.committed(self.handle.pointer, partitions, timeout: timeout)
            }
        }
    }

    /// The partition's low and high watermarks as the broker reports them.
    public func watermarks(_ partition: TopicPartition, timeout: Duration = .seconds(5)) async throws(KafkaError) -> (low: Int64, high: Int64) {
        try await offloaded { () throws(KafkaError) in
            try self.gate.run("partition reader", "query watermarks") { () throws(KafkaError) in
                try OffsetQueries.watermarks(self.handle.pointer, partition, timeout: timeout)
            }
        }
    }

    /// Releases the client. Idempotent.
    public func close() {
        guard gate.closeAndDrain() else { return }
        rd_kafka_consumer_close(handle.pointer)
        handle.destroy()
    }

    deinit { close() }
}
