import CRdKafka
import Logging
import Synchronization

/// What librdkafka's callbacks reach through the client's opaque pointer: the logger, the
/// statistics sink and the latest client-level error. Producer and consumer extend it.
class ClientContext: @unchecked Sendable {
    let logger: Logger
    let statistics: StatisticsReporter
    private let latestError = Mutex<KafkaError?>(nil)

    init(logger: Logger, clientID: String) {
        self.logger = logger
        self.statistics = StatisticsReporter(clientID: clientID)
    }

    /// The most recent client-level error (e.g. brokers unreachable), for clearer reports.
    var lastError: KafkaError? { latestError.withLock { $0 } }

    func record(error: KafkaError) {
        latestError.withLock { $0 = error }
    }

    /// The context behind a client handle; valid while the handle lives.
    static func of(_ rk: OpaquePointer?) -> ClientContext? {
        guard let rk, let opaque = rd_kafka_opaque(rk) else { return nil }
        return Unmanaged<ClientContext>.fromOpaque(opaque).takeUnretainedValue()
    }
}

extension ClientContext {
    /// Installs the log, error and statistics callbacks and the opaque pointer on `conf`.
    func install(on conf: OpaquePointer) {
        rd_kafka_conf_set_opaque(conf, Unmanaged.passUnretained(self).toOpaque())
        rd_kafka_conf_set_log_cb(conf) { rk, level, facility, message in
            guard let context = ClientContext.of(rk), let facility, let message else { return }
            context.logger.log(
                level: Logger.Level(syslog: level),
                "\(String(cString: message))",
                metadata: ["kafka.facility": "\(String(cString: facility))"],
                source: "librdkafka"
            )
        }
        rd_kafka_conf_set_error_cb(conf) { rk, err, reason, _ in
            guard let context = ClientContext.of(rk) else { return }
            let code = KafkaError.Code(rawValue: err)
            let fatal = err == RD_KAFKA_RESP_ERR__FATAL.rawValue
            let error = KafkaError(code, reason.map { String(cString: $0) }, operation: "client", isFatal: fatal)
            context.record(error: error)
            context.logger.log(level: fatal ? .critical : .warning, "\(error)", source: "librdkafka")
        }
        rd_kafka_conf_set_stats_cb(conf) { rk, json, length, _ in
            guard let context = ClientContext.of(rk), let json else { return 0 }
            context.statistics.report(UnsafeRawBufferPointer(start: json, count: length))
            return 0
        }
    }
}

extension Logger.Level {
    /// Maps a syslog severity (0 emergency … 7 debug) to a swift-log level.
    init(syslog level: Int32) {
        switch level {
        case ...2: self = .critical
        case 3: self = .error
        case 4: self = .warning
        case 5: self = .notice
        case 6: self = .info
        default: self = .debug
        }
    }
}
