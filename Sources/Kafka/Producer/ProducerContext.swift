import CRdKafka
import Logging
import Metrics
import Synchronization

/// The producer's callback target: collects delivery reports while librdkafka serves them
/// and hands them to the application's handler as one batch per poll.
///
/// Only one thread at a time polls the producer (its poll thread, then the closing task after
/// that thread has stopped), and delivery callbacks run inside that poll, so ``pending``
/// needs no lock.
final class ProducerContext: ClientContext, @unchecked Sendable {
    private let handler: (@Sendable ([DeliveryReport]) -> Void)?
    private var pending: [DeliveryReport] = []
    /// Records sent whose report the handler has not seen yet.
    let unreported = Atomic<Int>(0)
    private let delivered: Counter
    private let failed: Counter

    init(logger: Logger, clientID: String, handler: (@Sendable ([DeliveryReport]) -> Void)?) {
        self.handler = handler
        self.delivered = Counter(label: "kafka_producer_delivered_total", dimensions: [("client", clientID)])
        self.failed = Counter(label: "kafka_producer_failed_total", dimensions: [("client", clientID)])
        super.init(logger: logger, clientID: clientID)
    }

    fileprivate func collect(_ report: DeliveryReport) {
        if let error = report.error {
            failed.increment()
            logger.warning("delivery failed", metadata: ["error": "\(error)", "token": "\(report.token)"])
        } else {
            delivered.increment()
        }
        if handler == nil {
            unreported.subtract(1, ordering: .relaxed)
        } else {
            pending.append(report)
        }
    }

    /// Hands the reports collected so far to the handler (on the calling poll thread).
    func deliverPending() {
        guard let handler else { return }
        guard !pending.isEmpty else { return }
        let batch = pending
        pending.removeAll(keepingCapacity: true)
        handler(batch)
        unreported.subtract(batch.count, ordering: .releasing)
    }

    static func installDeliveryReports(on conf: OpaquePointer) {
        rd_kafka_conf_set_dr_msg_cb(conf) { rk, message, _ in
            guard let message, let context = ClientContext.of(rk) as? ProducerContext else { return }
            let m = message.pointee
            var error: KafkaError?
            if m.err != RD_KAFKA_RESP_ERR_NO_ERROR {
                var text = String(cString: rd_kafka_err2str(m.err))
                if let cause = context.lastError { text += "; last client error: \(cause.message)" }
                error = KafkaError(.from(m.err), text, operation: "deliver record", isRetriable: m.err == RD_KAFKA_RESP_ERR__MSG_TIMED_OUT)
            }
            context.collect(DeliveryReport(
                token: UInt64(UInt(bitPattern: m._private)),
                partition: m.partition,
                offset: m.offset >= 0 ? m.offset : nil,
                error: error
            ))
        }
    }
}
