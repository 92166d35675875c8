import CRdKafka

/// librdkafka's mock cluster: brokers inside this process, reachable over loopback TCP by
/// any client (the `leeway` child processes included), with the faults a single dev broker
/// cannot stage: partition leaders that move between brokers, a broker of several going
/// down, and protocol errors injected into chosen requests.
final class MockCluster {
    /// `host:port,…` of the mock brokers.
    let bootstrapServers: String
    /// Broker ids, 1...brokers.
    let brokers: Int
    private let host: OpaquePointer
    private let cluster: OpaquePointer

    /// Kafka protocol request types.
    enum Request: Int16 { case produce = 0, fetch = 1, offsetCommit = 8, heartbeat = 12 }

    init(brokers: Int) throws {
        var error = [CChar](repeating: 0, count: 512)
        // The mock cluster lives on a client instance's threads; a producer that sends nothing.
        guard let host = rd_kafka_new(RD_KAFKA_PRODUCER, rd_kafka_conf_new(), &error, error.count) else {
            throw ChaosError("cannot create the mock cluster's host client: \(String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))")
        }
        guard let cluster = rd_kafka_mock_cluster_new(host, Int32(brokers)) else {
            rd_kafka_destroy(host)
            throw ChaosError("librdkafka refused to create a mock cluster")
        }
        self.host = host
        self.cluster = cluster
        self.brokers = brokers
        bootstrapServers = String(cString: rd_kafka_mock_cluster_bootstraps(cluster))
    }

    /// Creates `topic` with `partitions`, each replicated on `replicas` brokers.
    func createTopic(_ topic: String, partitions: Int, replicas: Int) throws {
        let result = rd_kafka_mock_topic_create(cluster, topic, Int32(partitions), Int32(replicas))
        guard result == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw ChaosError("mock cluster: cannot create \(topic): \(String(cString: rd_kafka_err2str(result)))")
        }
    }

    /// Moves the leadership of `topic`/`partition` to broker `broker`.
    func moveLeader(_ topic: String, partition: Int, to broker: Int) {
        _ = rd_kafka_mock_partition_set_leader(cluster, topic, Int32(partition), Int32(broker))
    }

    /// Makes the next `errors.count` requests of type `request`, to any broker, fail with them in order.
    func fail(_ request: Request, with errors: [rd_kafka_resp_err_t]) {
        errors.withUnsafeBufferPointer { rd_kafka_mock_push_request_errors_array(cluster, request.rawValue, errors.count, $0.baseAddress) }
    }

    /// Takes broker `broker` down (its connections close, it answers nothing) or back up.
    func setBroker(_ broker: Int, up: Bool) {
        _ = up ? rd_kafka_mock_broker_set_up(cluster, Int32(broker)) : rd_kafka_mock_broker_set_down(cluster, Int32(broker))
    }

    deinit {
        rd_kafka_mock_cluster_destroy(cluster)
        rd_kafka_destroy(host)
    }
}
