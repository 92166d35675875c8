import CRdKafka
import Logging
import ServiceLifecycle
import Synchronization

/// Sends records to Kafka without waiting: `send` enqueues and returns, and the broker's
/// answers arrive in batches at the delivery handler, on the producer's own poll thread.
///
/// As a `Service` it runs until graceful shutdown, then flushes what is queued and closes.
public final class KafkaProducer: Service, Sendable {
    private struct State: Sendable {
        var closed = false
        var topics: [String: TopicHandle] = [:]
        /// The last topic sent to: a pipeline sends runs to one topic, so this skips hashing.
        var lastTopic: (name: String, handle: TopicHandle)?
    }

    /// An `rd_kafka_topic_t`, owned by the producer's state and destroyed on close.
    private struct TopicHandle: @unchecked Sendable {
        let pointer: OpaquePointer
    }

    let handle: RdKafkaHandle
    private let context: ProducerContext
    private let state = Mutex(State())
    private let pollThread: PollThread
    private let logger: Logger
    private let waiters: DeliveryWaiters

    /// Connects a producer. `onDelivery` receives each poll's delivery reports as one batch,
    /// on the producer's poll thread; keep it short and non-blocking.
    public init(configuration: KafkaProducerConfiguration, logger: Logger = Logger(label: "kafka.producer"),
                onDelivery: (@Sendable ([DeliveryReport]) -> Void)? = nil) throws(KafkaError) {
        let context = ProducerContext(logger: logger, clientID: configuration.client.clientID, handler: onDelivery)
        let handle = try RdKafkaHandle(.producer, properties: configuration.rdkafkaProperties,
                                       context: context, operation: "create producer")
        self.handle = handle
        self.context = context
        self.logger = logger
        let waiters = DeliveryWaiters { context.unreported.load(ordering: .acquiring) }
        self.waiters = waiters
        self.pollThread = PollThread(name: "kafka-producer-poll") { thread in
            while !thread.isStopping {
                rd_kafka_poll(handle.pointer, 100)
                context.deliverPending()
                waiters.resume()
            }
        }
    }

    /// Enqueues `record` and returns at once. `token` comes back in its ``DeliveryReport``.
    /// Throws `queueFull` (retriable) when the client's queue is at its bound.
    public func send(_ record: ProducerRecord, token: UInt64 = 0) throws(KafkaError) {
        let rk = handle.pointer
        // Built outside the lock; owned by librdkafka once produced, destroyed here otherwise.
        let headers = Self.makeHeaders(record.headers)
        let result: rd_kafka_resp_err_t
        do {
            result = try state.withLock { (state) throws(KafkaError) in
                guard !state.closed else {
                    throw KafkaError(.destroyed, "the producer is closed", operation: "send to \(record.topic)")
                }
                let topic = try Self.topicHandle(record.topic, in: &state, rk: rk)
                context.unreported.add(1, ordering: .relaxed)
                return Self.produce(record, rk: rk, topic: topic, headers: headers, token: token)
            }
        } catch {
            if let headers { rd_kafka_headers_destroy(headers) }
            throw error
        }
        if result != RD_KAFKA_RESP_ERR_NO_ERROR {
            context.unreported.subtract(1, ordering: .relaxed)
            if let headers { rd_kafka_headers_destroy(headers) }
        }
        if let error = KafkaError.check(result, operation: "send to \(record.topic)") {
            throw handle.fatalClientError ?? error
        }
    }

    /// Enqueues `record`, waiting while the client's queue is full instead of failing: each
    /// wait lasts until a delivery report has made room (whichever of the queue's bounds,
    /// messages or bytes, was reached).
    public func sendAwaitingRoom(_ record: ProducerRecord, token: UInt64 = 0) async throws(KafkaError) {
        while true {
            do {
                try send(record, token: token)
                return
            } catch where error.code == .queueFull {
                // The deadline only bounds one wait; the loop then tries again.
                _ = await waiters.wait(until: outstandingCount - 1, deadline: .now.advanced(by: .seconds(1)))
            }
        }
    }

    /// Records sent whose delivery report has not reached the handler yet.
    public var outstandingCount: Int { context.unreported.load(ordering: .acquiring) }

    /// Waits until every record sent so far has its delivery report handled, or throws
    /// `timedOut` after `timeout`.
    public func flush(timeout: Duration = .seconds(30)) async throws(KafkaError) {
        guard await waiters.wait(until: 0, deadline: .now.advanced(by: timeout)) else {
            throw KafkaError(.timedOut, "\(outstandingCount) records still undelivered after \(timeout)", operation: "flush")
        }
    }

    /// Flushes for up to `timeout`, fails what is still queued (its reports say `_PURGE_QUEUE`),
    /// and releases the client. Idempotent.
    public func close(timeout: Duration = .seconds(30)) async {
        guard state.withLock({ !$0.closed }) else { return }
        do { try await flush(timeout: timeout) } catch {
            logger.warning("closing with undelivered records", metadata: ["error": "\(error)"])
            rd_kafka_purge(handle.pointer, Int32(RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT))
        }
        state.withLock { $0.closed = true }
        await pollThread.stop()
        waiters.close()
        _ = try? await offloaded { () throws(KafkaError) in
            rd_kafka_poll(self.handle.pointer, 0)
            self.context.deliverPending()
            self.state.withLock { state in
                state.topics.values.forEach { rd_kafka_topic_destroy($0.pointer) }
                state.topics.removeAll()
                state.lastTopic = nil
            }
            self.handle.destroy()
        }
    }

    /// Runs until graceful shutdown, then closes (flushing queued records).
    public func run() async throws {
        try? await gracefulShutdown()
        await close()
    }

    deinit {
        if !state.withLock({ $0.closed }) {
            pollThread.requestStop()
            logger.warning("KafkaProducer was released without close(); queued records may be lost")
        }
    }
}

extension KafkaProducer {
    private static func topicHandle(_ name: String, in state: inout State, rk: OpaquePointer) throws(KafkaError) -> OpaquePointer {
        if let last = state.lastTopic, last.name == name { return last.handle.pointer }
        let handle: TopicHandle
        if let known = state.topics[name] {
            handle = known
        } else {
            guard let topic = rd_kafka_topic_new(rk, name, nil) else {
                throw KafkaError(.from(rd_kafka_last_error()), operation: "open topic \(name)")
            }
            handle = TopicHandle(pointer: topic)
            state.topics[name] = handle
        }
        state.lastTopic = (name, handle)
        return handle.pointer
    }

    private static func makeHeaders(_ headers: [KafkaHeader]) -> OpaquePointer? {
        guard !headers.isEmpty, let list = rd_kafka_headers_new(headers.count) else { return nil }
        for header in headers {
            if let value = header.value {
                value.withUnsafeBytes { _ = rd_kafka_header_add(list, header.name, -1, $0.baseAddress, $0.count) }
            } else {
                _ = rd_kafka_header_add(list, header.name, -1, nil, 0)
            }
        }
        return list
    }

    private static func produce(_ record: ProducerRecord, rk: OpaquePointer, topic: OpaquePointer,
                                headers: OpaquePointer?, token: UInt64) -> rd_kafka_resp_err_t {
        let partition = record.partition ?? RD_KAFKA_PARTITION_UA
        let opaque = UnsafeMutableRawPointer(bitPattern: UInt(token))
        let timestamp = record.timestampMilliseconds ?? 0
        return withBytes(record.key) { key in
            withBytes(record.value) { value in
                kafka_produce_record(rk, topic, partition, key.baseAddress, key.count,
                               value.baseAddress, value.count, headers, timestamp, opaque)
            }
        }
    }

    private static func withBytes<R>(_ bytes: [UInt8]?, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        guard let bytes else { return body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        return bytes.withUnsafeBytes(body)
    }
}
