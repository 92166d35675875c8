import CRdKafka
import Logging

/// The consumer's callback target. Everything here runs on the consumer's poll thread,
/// including the rebalance callback, so the records held in ``pending`` need no lock. A
/// partition reader has no poll thread: its one read at a time (``KafkaPartitionReader``
/// refuses a second) polls on a thread of its own and is the only one to touch them.
final class ConsumerContext: ClientContext, @unchecked Sendable {
    let handoff = EventHandoff()
    /// Records polled but not yet handed over (a batch being filled).
    var pending: [ConsumerRecord] = []
    private var topicNames: [OpaquePointer: String] = [:]

    /// Hands the batch being filled to the application.
    func deliverPending() {
        guard !pending.isEmpty else { return }
        let batch = pending
        pending.removeAll(keepingCapacity: true)
        if !handoff.deliverWhenAsked(.records(batch)) {
            logger.debug("dropped \(batch.count) undelivered records: nobody is iterating; they will be re-read")
        }
    }

    /// Converts and destroys one polled message; errors are logged, not returned.
    func take(_ message: UnsafeMutablePointer<rd_kafka_message_t>) {
        defer { rd_kafka_message_destroy(message) }
        let m = message.pointee
        guard m.err == RD_KAFKA_RESP_ERR_NO_ERROR else {
            logger.warning("consumer error", metadata: [
                "error": "\(KafkaError(.from(m.err), String(cString: rd_kafka_err2str(m.err)), operation: "consume"))",
            ])
            return
        }
        pending.append(ConsumerRecord(
            topic: topicName(m.rkt),
            partition: m.partition,
            offset: m.offset,
            key: m.key.map { [UInt8](UnsafeRawBufferPointer(start: $0, count: m.key_len)) },
            value: m.payload.map { [UInt8](UnsafeRawBufferPointer(start: $0, count: m.len)) },
            headers: Self.headers(of: message),
            timestampMilliseconds: Self.timestamp(of: message)
        ))
    }

    private func topicName(_ rkt: OpaquePointer?) -> String {
        guard let rkt else { return "" }
        if let name = topicNames[rkt] { return name }
        let name = String(cString: rd_kafka_topic_name(rkt))
        topicNames[rkt] = name
        return name
    }

    private static func headers(of message: UnsafeMutablePointer<rd_kafka_message_t>) -> [KafkaHeader] {
        var list: OpaquePointer?
        guard rd_kafka_message_headers(message, &list) == RD_KAFKA_RESP_ERR_NO_ERROR, let list else { return [] }
        var headers: [KafkaHeader] = []
        headers.reserveCapacity(rd_kafka_header_cnt(list))
        var index = 0
        var name: UnsafePointer<CChar>?
        var value: UnsafeRawPointer?
        var size = 0
        while rd_kafka_header_get_all(list, index, &name, &value, &size) == RD_KAFKA_RESP_ERR_NO_ERROR {
            let bytes = value.map { [UInt8](UnsafeRawBufferPointer(start: $0, count: size)) }
            headers.append(KafkaHeader(name.map { String(cString: $0) } ?? "", bytes))
            index += 1
        }
        return headers
    }

    private static func timestamp(of message: UnsafeMutablePointer<rd_kafka_message_t>) -> Int64? {
        var type = RD_KAFKA_TIMESTAMP_NOT_AVAILABLE
        let value = rd_kafka_message_timestamp(message, &type)
        return value >= 0 ? value : nil
    }
}

extension ConsumerContext {
    static func installRebalance(on conf: OpaquePointer) {
        rd_kafka_conf_set_rebalance_cb(conf) { rk, err, partitions, _ in
            guard let rk, let context = ClientContext.of(rk) as? ConsumerContext else { return }
            context.rebalance(rk, err, partitions)
        }
    }

    /// Assign: take the partitions, tell the application, and wait until it asks for the
    /// next event. Revoke: hand over what was
    /// polled, tell the application, wait until it asks for the next event (it has flushed
    /// and committed), and only then give the partitions up.
    private func rebalance(_ rk: OpaquePointer, _ err: rd_kafka_resp_err_t, _ list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?) {
        let partitions = list.map(TopicPartitionList.partitions) ?? []
        let cooperative = String(cString: rd_kafka_rebalance_protocol(rk)) == "COOPERATIVE"
        switch err {
        case RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS:
            let error: KafkaError?
            if cooperative {
                error = rd_kafka_incremental_assign(rk, list).map { KafkaError(consuming: $0, operation: "assign") }
            } else {
                error = KafkaError.check(rd_kafka_assign(rk, list), operation: "assign")
            }
            if let error { logger.error("assigning partitions failed", metadata: ["error": "\(error)"]) }
            logger.info("partitions assigned", metadata: ["partitions": "\(partitions.sorted())"])
            // Wait until the application has handled the assignment (restored state, paused,
            // sought) before polling on, so no record of these partitions is prepared early.
            if handoff.deliverWhenAsked(.assigned(partitions)) {
                _ = handoff.waitForDemand()
            }
        default:
            let lost = rd_kafka_assignment_lost(rk) != 0
            deliverPending()
            logger.info(lost ? "partitions lost" : "partitions revoked", metadata: ["partitions": "\(partitions.sorted())"])
            if handoff.deliverWhenAsked(lost ? .lost(partitions) : .revoked(partitions)) {
                _ = handoff.waitForDemand()
            }
            let error: KafkaError?
            if cooperative {
                error = rd_kafka_incremental_unassign(rk, list).map { KafkaError(consuming: $0, operation: "unassign") }
            } else {
                error = KafkaError.check(rd_kafka_assign(rk, nil), operation: "unassign")
            }
            if let error { logger.error("unassigning partitions failed", metadata: ["error": "\(error)"]) }
        }
    }
}
