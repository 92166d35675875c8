import CRdKafka

/// An error from the Kafka layer: librdkafka's code with its message and flags, plus what
/// the application was doing when it happened.
public struct KafkaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// librdkafka's error code (`rd_kafka_resp_err_t`); negative codes are local to the client.
    public let code: Code
    /// librdkafka's (or this layer's) explanation.
    public let message: String
    /// What was being attempted, e.g. `"commit"` or `"create topic orders"`.
    public let operation: String
    /// The client instance cannot continue and must be recreated.
    public let isFatal: Bool
    /// Retrying the same operation may succeed.
    public let isRetriable: Bool

    /// Creates an error; `code.name` becomes part of the description.
    public init(_ code: Code, _ message: String? = nil, operation: String, isFatal: Bool = false, isRetriable: Bool = false) {
        self.code = code
        self.message = message ?? code.explanation
        self.operation = operation
        self.isFatal = isFatal
        self.isRetriable = isRetriable
    }

    /// Wraps an `rd_kafka_error_t`, taking ownership (it is destroyed here).
    init(consuming error: OpaquePointer, operation: String) {
        self.init(
            Code(rawValue: rd_kafka_error_code(error).rawValue),
            String(cString: rd_kafka_error_string(error)),
            operation: operation,
            isFatal: rd_kafka_error_is_fatal(error) != 0,
            isRetriable: rd_kafka_error_is_retriable(error) != 0
        )
        rd_kafka_error_destroy(error)
    }

    public var description: String {
        var text = "\(operation): \(message) [\(code.name)]"
        if isFatal { text += " (fatal)" }
        return text
    }

    /// A newer producer with the same transactional id fenced this one.
    public var isFencing: Bool { [.fenced, .producerFenced, .invalidProducerEpoch].contains(code) }

    /// The error means a rebalance overtook the operation (typically a commit): the
    /// partition's next owner will continue from the last committed offset.
    public var isRebalanceRelated: Bool {
        [.illegalGeneration, .rebalanceInProgress, .unknownMemberID, .fencedInstanceID, .assignmentLost].contains(code)
    }
}

extension KafkaError {
    /// A librdkafka error code.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: Int32
        public init(rawValue: Int32) { self.rawValue = rawValue }

        /// librdkafka's symbolic name, e.g. `_MSG_TIMED_OUT` or `ILLEGAL_GENERATION`.
        public var name: String { String(cString: rd_kafka_err2name(rd_kafka_resp_err_t(rawValue: rawValue))) }
        /// librdkafka's human-readable text for the code.
        public var explanation: String { String(cString: rd_kafka_err2str(rd_kafka_resp_err_t(rawValue: rawValue))) }
        public var description: String { name }

        static func from(_ err: rd_kafka_resp_err_t) -> Code { Code(rawValue: err.rawValue) }

        public static let noError = from(RD_KAFKA_RESP_ERR_NO_ERROR)
        public static let invalidArgument = from(RD_KAFKA_RESP_ERR__INVALID_ARG)
        /// A configuration librdkafka refused: its `_INVALID_ARG` ("Invalid argument or
        /// configuration"), the code it gives for bad configuration itself.
        public static let invalidConfiguration = from(RD_KAFKA_RESP_ERR__INVALID_ARG)
        public static let queueFull = from(RD_KAFKA_RESP_ERR__QUEUE_FULL)
        public static let messageTimedOut = from(RD_KAFKA_RESP_ERR__MSG_TIMED_OUT)
        public static let timedOut = from(RD_KAFKA_RESP_ERR__TIMED_OUT)
        public static let transport = from(RD_KAFKA_RESP_ERR__TRANSPORT)
        public static let allBrokersDown = from(RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN)
        public static let noOffset = from(RD_KAFKA_RESP_ERR__NO_OFFSET)
        public static let state = from(RD_KAFKA_RESP_ERR__STATE)
        public static let destroyed = from(RD_KAFKA_RESP_ERR__DESTROY)
        public static let assignmentLost = from(RD_KAFKA_RESP_ERR__ASSIGNMENT_LOST)
        public static let unknownTopicOrPartition = from(RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART)
        public static let unknownPartition = from(RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION)
        public static let topicAlreadyExists = from(RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS)
        public static let illegalGeneration = from(RD_KAFKA_RESP_ERR_ILLEGAL_GENERATION)
        public static let rebalanceInProgress = from(RD_KAFKA_RESP_ERR_REBALANCE_IN_PROGRESS)
        public static let unknownMemberID = from(RD_KAFKA_RESP_ERR_UNKNOWN_MEMBER_ID)
        public static let fencedInstanceID = from(RD_KAFKA_RESP_ERR_FENCED_INSTANCE_ID)
        /// A newer producer with the same transactional id was initialised.
        public static let fenced = from(RD_KAFKA_RESP_ERR__FENCED)
        /// The broker's word for ``fenced``.
        public static let producerFenced = from(RD_KAFKA_RESP_ERR_PRODUCER_FENCED)
        /// The producer's epoch is older than the transactional id's: it was fenced.
        public static let invalidProducerEpoch = from(RD_KAFKA_RESP_ERR_INVALID_PRODUCER_EPOCH)
        public static let messageTooLarge = from(RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE)
    }
}

extension KafkaError {
    /// An error from a `rd_kafka_resp_err_t` return value, or nil for `NO_ERROR`.
    static func check(_ err: rd_kafka_resp_err_t, operation: @autoclosure () -> String) -> KafkaError? {
        guard err != RD_KAFKA_RESP_ERR_NO_ERROR else { return nil }
        return KafkaError(.from(err), operation: operation(), isRetriable: Self.retriableLocal.contains(err.rawValue))
    }

    private static let retriableLocal: Set<Int32> = [
        RD_KAFKA_RESP_ERR__QUEUE_FULL.rawValue, RD_KAFKA_RESP_ERR__TIMED_OUT.rawValue,
        RD_KAFKA_RESP_ERR__TRANSPORT.rawValue, RD_KAFKA_RESP_ERR__MSG_TIMED_OUT.rawValue,
        RD_KAFKA_RESP_ERR_REBALANCE_IN_PROGRESS.rawValue,
        // Broker answers that a later attempt may not get (Kafka marks them retriable).
        RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT.rawValue, RD_KAFKA_RESP_ERR_NOT_COORDINATOR.rawValue,
        RD_KAFKA_RESP_ERR_COORDINATOR_NOT_AVAILABLE.rawValue, RD_KAFKA_RESP_ERR_COORDINATOR_LOAD_IN_PROGRESS.rawValue,
        RD_KAFKA_RESP_ERR_NETWORK_EXCEPTION.rawValue, RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION.rawValue,
        RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE.rawValue, RD_KAFKA_RESP_ERR__WAIT_COORD.rawValue,
    ]

    /// A misuse of the API, reported instead of trapping.
    static func misuse(_ message: String, operation: String) -> KafkaError {
        KafkaError(.invalidArgument, message, operation: operation)
    }
}
