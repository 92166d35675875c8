import CRdKafka

/// Owns one `rd_kafka_t` and the context its callbacks use. Destroy it exactly once.
final class RdKafkaHandle: @unchecked Sendable {
    let pointer: OpaquePointer
    let context: ClientContext

    enum Kind { case producer, consumer, admin }

    init(_ kind: Kind, properties: [(String, String)], context: ClientContext, operation: String) throws(KafkaError) {
        guard Librdkafka.isSupported else {
            throw KafkaError(.invalidConfiguration,
                             "librdkafka \(Librdkafka.version) is loaded; this client needs 2.8.0 or newer",
                             operation: operation, isFatal: true)
        }
        guard let conf = rd_kafka_conf_new() else {
            throw KafkaError(.invalidConfiguration, "rd_kafka_conf_new failed", operation: operation)
        }
        var errstr = ErrorText()
        for (name, value) in properties {
            if rd_kafka_conf_set(conf, name, value, &errstr.buffer, errstr.buffer.count) != RD_KAFKA_CONF_OK {
                rd_kafka_conf_destroy(conf)
                throw KafkaError(.invalidConfiguration, "property \(name)=\(value): \(errstr.text)",
                                 operation: operation)
            }
        }
        context.install(on: conf)
        if kind == .consumer { ConsumerContext.installRebalance(on: conf) }
        if kind == .producer { ProducerContext.installDeliveryReports(on: conf) }
        guard let rk = rd_kafka_new(kind == .consumer ? RD_KAFKA_CONSUMER : RD_KAFKA_PRODUCER, conf, &errstr.buffer, errstr.buffer.count) else {
            rd_kafka_conf_destroy(conf)
            throw KafkaError(.invalidConfiguration, errstr.text, operation: operation)
        }
        self.pointer = rk
        self.context = context
    }

    /// The client's fatal error, if it has one.
    var fatalClientError: KafkaError? {
        var errstr = ErrorText()
        let err = rd_kafka_fatal_error(pointer, &errstr.buffer, errstr.buffer.count)
        guard err != RD_KAFKA_RESP_ERR_NO_ERROR else { return nil }
        return KafkaError(.from(err), errstr.text, operation: "client", isFatal: true)
    }

    func destroy() {
        rd_kafka_destroy(pointer)
    }
}
