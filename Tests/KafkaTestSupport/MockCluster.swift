import CRdKafka

/// librdkafka's mock cluster: brokers inside this process, reachable over loopback TCP by
/// any client (child processes included), for the faults a single dev broker cannot stage:
/// partition leaders that move between brokers, a broker of several going down, and
/// protocol errors injected into chosen requests. Not a Kafka of our own: librdkafka's.
public final class MockCluster {
    /// `host:port,…` of the mock brokers.
    public let bootstrapServers: String
    /// How many brokers (ids 1...brokers).
    public let brokers: Int
    private let host: OpaquePointer
    private let cluster: OpaquePointer

    /// Kafka protocol request types.
    public enum Request: Int16, Sendable { case produce = 0, fetch = 1, listOffsets = 2, offsetCommit = 8, heartbeat = 12 }

    /// Errors a broker answers with.
    public enum Failure: Sendable {
        case notLeader, requestTimedOut, coordinatorNotAvailable, notCoordinator, droppedConnection

        var code: rd_kafka_resp_err_t {
            switch self {
            case .notLeader: RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION
            case .requestTimedOut: RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT
            case .coordinatorNotAvailable: RD_KAFKA_RESP_ERR_COORDINATOR_NOT_AVAILABLE
            case .notCoordinator: RD_KAFKA_RESP_ERR_NOT_COORDINATOR
            case .droppedConnection: RD_KAFKA_RESP_ERR__TRANSPORT
            }
        }
    }

    /// Starts `brokers` mock brokers on loopback ports.
    public init(brokers: Int) throws(MockClusterError) {
        var error = [CChar](repeating: 0, count: 512)
        // The mock cluster lives on a client instance's threads; a producer that sends nothing.
        let configuration = rd_kafka_conf_new()
        // It never connects anywhere: no warning about a missing bootstrap.servers.
        _ = rd_kafka_conf_set(configuration, "log_level", "3", &error, error.count)
        guard let host = rd_kafka_new(RD_KAFKA_PRODUCER, configuration, &error, error.count) else {
            throw MockClusterError("cannot create the mock cluster's host client: \(String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))")
        }
        guard let cluster = rd_kafka_mock_cluster_new(host, Int32(brokers)) else {
            rd_kafka_destroy(host)
            throw MockClusterError("librdkafka refused to create a mock cluster")
        }
        self.host = host
        self.cluster = cluster
        self.brokers = brokers
        bootstrapServers = String(cString: rd_kafka_mock_cluster_bootstraps(cluster))
    }

    /// Creates `topic` with `partitions`, each replicated on `replicas` brokers.
    public func createTopic(_ topic: String, partitions: Int, replicas: Int) throws(MockClusterError) {
        let result = rd_kafka_mock_topic_create(cluster, topic, Int32(partitions), Int32(replicas))
        guard result == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw MockClusterError("cannot create \(topic): \(String(cString: rd_kafka_err2str(result)))")
        }
    }

    /// Moves the leadership of `topic`/`partition` to broker `broker`.
    public func moveLeader(_ topic: String, partition: Int, to broker: Int) {
        _ = rd_kafka_mock_partition_set_leader(cluster, topic, Int32(partition), Int32(broker))
    }

    /// Makes the next `failures.count` requests of type `request`, to any broker, fail with them in order.
    public func fail(_ request: Request, with failures: [Failure]) {
        let errors = failures.map(\.code)
        errors.withUnsafeBufferPointer { rd_kafka_mock_push_request_errors_array(cluster, request.rawValue, errors.count, $0.baseAddress) }
    }

    /// Makes broker `broker` the coordinator of consumer group `group`.
    public func setGroupCoordinator(_ group: String, broker: Int) {
        _ = rd_kafka_mock_coordinator_set(cluster, "group", group, Int32(broker))
    }

    /// Takes broker `broker` down (its connections close, it answers nothing) or back up.
    public func setBroker(_ broker: Int, up: Bool) {
        _ = up ? rd_kafka_mock_broker_set_up(cluster, Int32(broker)) : rd_kafka_mock_broker_set_down(cluster, Int32(broker))
    }

    deinit {
        rd_kafka_mock_cluster_destroy(cluster)
        rd_kafka_destroy(host)
    }
}

/// Why a mock cluster could not be set up.
public struct MockClusterError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
