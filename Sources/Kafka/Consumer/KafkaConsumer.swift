import CRdKafka
import Logging
import ServiceLifecycle

/// A consumer-group member. Iterate it for ``ConsumerEvent``s: records in partition order,
/// interleaved with assignments and revocations in the order they happen. Offsets are
/// stored only when the application says a record is processed (``store(processed:)``) and
/// committed in the background or by ``commit()``.
///
/// Polling runs on a dedicated thread that prepares at most one batch ahead of the
/// application, so memory is bounded by librdkafka's fetch queue and two batches. Iterate from one
/// task at a time; between iterations the member stays in the group but fetches nothing.
///
/// As a `Service` it runs until graceful shutdown, then closes: the iterating task sees a
/// final `.revoked` (to flush and commit) and then the end of the sequence.
public final class KafkaConsumer: Service, Sendable, AsyncSequence {
    public typealias Element = ConsumerEvent

    private let handle: RdKafkaHandle
    private let context: ConsumerContext
    private let gate = HandleGate()
    private let pollThread: PollThread
    let logger: Logger

    /// Joins `configuration.groupID` and subscribes to `configuration.topics`. Nothing is
    /// fetched until the first event is asked for.
    public init(configuration: KafkaConsumerConfiguration, logger: Logger = Logger(label: "kafka.consumer")) throws(KafkaError) {
        guard !configuration.topics.isEmpty else {
            throw KafkaError.misuse("no topics to subscribe to", operation: "create consumer")
        }
        let context = ConsumerContext(logger: logger, clientID: configuration.client.clientID)
        let handle = try RdKafkaHandle(.consumer, properties: configuration.rdkafkaProperties,
                                       context: context, operation: "create consumer")
        rd_kafka_poll_set_consumer(handle.pointer)
        let topics = TopicPartitionList.make(configuration.topics.map { TopicPartition($0, RD_KAFKA_PARTITION_UA) })
        defer { rd_kafka_topic_partition_list_destroy(topics) }
        if let error = KafkaError.check(rd_kafka_subscribe(handle.pointer, topics), operation: "subscribe to \(configuration.topics)") {
            rd_kafka_consumer_close(handle.pointer)
            handle.destroy()
            throw error
        }
        self.handle = handle
        self.context = context
        self.logger = logger
        let gate = self.gate
        let maxBatch = Swift.max(1, configuration.maxBatchSize)
        let idle = configuration.idleEventInterval
        self.pollThread = PollThread(name: "kafka-consumer-poll", wake: { context.handoff.wake() }) { thread in
            Self.pollLoop(handle: handle, context: context, thread: thread, maxBatch: maxBatch, idle: idle)
            Self.shutDown(handle: handle, context: context, gate: gate)
        }
    }

    /// Fills one batch while the application works on the previous one, then hands it over
    /// when asked: at most one batch waits on the Swift side. Nothing is polled before the
    /// first iterator exists, so the first `.assigned` always reaches the application.
    private static func pollLoop(handle: RdKafkaHandle, context: ConsumerContext, thread: PollThread, maxBatch: Int,
                                 idle: Duration?) {
        let rk = handle.pointer
        var lastDelivery = ContinuousClock.now
        while !thread.isStopping {
            if !context.handoff.hasIterator {
                _ = context.handoff.waitForDemand(unlessAbandoned: false, giveUp: { thread.isStopping })
                continue
            }
            if context.pending.isEmpty {
                guard let first = rd_kafka_consumer_poll(rk, 100) else {
                    if let idle, ContinuousClock.now - lastDelivery >= idle, context.handoff.isWaiting,
                       context.handoff.deliver(.idle) {
                        lastDelivery = .now
                    }
                    continue
                }
                context.take(first)
            }
            while context.pending.count < maxBatch, let next = rd_kafka_consumer_poll(rk, 0) {
                context.take(next)
            }
            guard context.handoff.waitForDemand(unlessAbandoned: false, giveUp: { thread.isStopping }) else { continue }
            context.deliverPending()
            lastDelivery = .now
        }
    }

    /// Leaves the group (delivering the final revoke), ends the sequence, then releases the
    /// client once no caller is inside it.
    private static func shutDown(handle: RdKafkaHandle, context: ConsumerContext, gate: HandleGate) {
        if let error = KafkaError.check(rd_kafka_consumer_close(handle.pointer), operation: "close consumer") {
            context.logger.warning("closing the consumer failed", metadata: ["error": "\(error)"])
        }
        context.handoff.finish()
        gate.closeAndDrain()
        handle.destroy()
    }

    /// Runs `body` with the client handle unless the consumer has closed.
    func withHandle<T>(_ operation: @autoclosure () -> String, _ body: (OpaquePointer) throws(KafkaError) -> T) throws(KafkaError) -> T {
        try gate.run("consumer", operation()) { () throws(KafkaError) in try body(handle.pointer) }
    }

    /// Like ``withHandle(_:_:)`` for a blocking call, run off the cooperative pool.
    func withHandleOffloaded<T: Sendable>(_ operation: String, _ body: @escaping @Sendable (OpaquePointer) throws(KafkaError) -> T) async throws(KafkaError) -> T {
        try await offloaded { () throws(KafkaError) in try self.withHandle(operation, body) }
    }

    /// Starts closing: the iterating task gets a final `.revoked`, then the sequence ends.
    public func requestClose() { pollThread.requestStop() }

    /// Closes and waits until the group is left and the client released. Do not await this
    /// from the task that iterates the consumer; use ``requestClose()`` there.
    public func close() async { await pollThread.stop() }

    /// Runs until graceful shutdown, then closes.
    public func run() async throws {
        try? await gracefulShutdown()
        await close()
    }

    deinit { pollThread.requestStop() }

    /// The iterator; the first one made is the consumer's only reader.
    public struct AsyncIterator: AsyncIteratorProtocol {
        final class Lease: Sendable {
            let handoff: EventHandoff
            init(_ handoff: EventHandoff) {
                self.handoff = handoff
                handoff.adopt()
            }
            deinit { handoff.abandon() }
        }

        let lease: Lease

        /// The next event, or nil once the consumer has closed.
        public mutating func next() async throws -> ConsumerEvent? {
            try await lease.handoff.next()
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(lease: .init(context.handoff))
    }
}
