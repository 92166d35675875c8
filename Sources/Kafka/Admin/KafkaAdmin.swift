import CRdKafka
import Logging

/// Cluster administration: create, list and describe topics. Calls block on librdkafka's
/// admin API off the cooperative pool.
public final class KafkaAdmin: Sendable {
    private let handle: RdKafkaHandle
    private let gate = HandleGate()

    /// Connects an admin client.
    public init(configuration: KafkaClientConfiguration, logger: Logger = Logger(label: "kafka.admin")) throws(KafkaError) {
        var configuration = configuration
        configuration.statisticsInterval = nil
        let properties = configuration.rdkafkaProperties + configuration.properties.sorted { $0.key < $1.key }
        handle = try RdKafkaHandle(.admin, properties: properties,
                                   context: ClientContext(logger: logger, clientID: configuration.clientID),
                                   operation: "create admin client")
    }

    /// Creates `topics`; per topic, nil on success or the broker's error
    /// (`topicAlreadyExists` when it was there).
    public func createTopics(_ topics: [TopicSpec], timeout: Duration = .seconds(30)) async throws(KafkaError) -> [String: KafkaError?] {
        try await run("create topics", timeout: timeout) { rk, queue, options throws(KafkaError) in
            var newTopics: [OpaquePointer?] = []
            defer { newTopics.forEach { rd_kafka_NewTopic_destroy($0) } }
            for topic in topics {
                var errstr = ErrorText()
                guard let newTopic = rd_kafka_NewTopic_new(topic.name, Int32(topic.partitions), Int32(topic.replicationFactor ?? -1),
                                                           &errstr.buffer, errstr.buffer.count) else {
                    throw KafkaError(.invalidArgument, errstr.text, operation: "create topic \(topic.name)")
                }
                newTopics.append(newTopic)
                for (name, value) in topic.configs.sorted(by: { $0.key < $1.key }) {
                    _ = rd_kafka_NewTopic_set_config(newTopic, name, value)
                }
            }
            rd_kafka_CreateTopics(rk, &newTopics, newTopics.count, options, queue)
        } result: { event throws(KafkaError) in
            var count = 0
            let result = rd_kafka_event_CreateTopics_result(event)
            guard let results = rd_kafka_CreateTopics_result_topics(result, &count) else { return [:] }
            var outcome: [String: KafkaError?] = [:]
            for i in 0..<count {
                let name = String(cString: rd_kafka_topic_result_name(results[i]))
                let err = rd_kafka_topic_result_error(results[i])
                outcome[name] = err == RD_KAFKA_RESP_ERR_NO_ERROR ? nil : KafkaError(
                    .from(err), rd_kafka_topic_result_error_string(results[i]).map { String(cString: $0) },
                    operation: "create topic \(name)")
            }
            return outcome
        }
    }

    /// Every topic on the cluster with its partition count.
    public func listTopics(timeout: Duration = .seconds(10)) async throws(KafkaError) -> [TopicDescription] {
        try await offloaded { () throws(KafkaError) in
            try self.withHandle("list topics") { (rk) throws(KafkaError) in
                var metadata: UnsafePointer<rd_kafka_metadata>?
                if let error = KafkaError.check(rd_kafka_metadata(rk, 1, nil, &metadata, Int32(timeout.milliseconds)), operation: "list topics") {
                    throw error
                }
                guard let metadata else { return [] }
                defer { rd_kafka_metadata_destroy(metadata) }
                return (0..<Int(metadata.pointee.topic_cnt)).compactMap { i -> TopicDescription? in
                    let topic = metadata.pointee.topics[i]
                    guard topic.err == RD_KAFKA_RESP_ERR_NO_ERROR else { return nil }
                    return TopicDescription(name: String(cString: topic.topic), partitions: Int(topic.partition_cnt), configs: nil)
                }.sorted { $0.name < $1.name }
            }
        }
    }

    /// Each topic's configs as the broker reports them, defaults included (Tansu 0.6 flags
    /// every entry as a default, even those set at creation). A topic the broker returns no
    /// entries for is left out.
    public func describeConfigs(_ topics: [String], timeout: Duration = .seconds(10)) async throws(KafkaError) -> [String: [String: String]] {
        try await run("describe topic configs", timeout: timeout) { rk, queue, options throws(KafkaError) in
            var resources: [OpaquePointer?] = topics.map { rd_kafka_ConfigResource_new(RD_KAFKA_RESOURCE_TOPIC, $0) }
            defer { resources.forEach { rd_kafka_ConfigResource_destroy($0) } }
            rd_kafka_DescribeConfigs(rk, &resources, resources.count, options, queue)
        } result: { event throws(KafkaError) in
            var count = 0
            guard let resources = rd_kafka_DescribeConfigs_result_resources(rd_kafka_event_DescribeConfigs_result(event), &count) else {
                return [:]
            }
            var configs: [String: [String: String]] = [:]
            for i in 0..<count {
                let resource = resources[i]
                let name = String(cString: rd_kafka_ConfigResource_name(resource))
                if let error = KafkaError.check(rd_kafka_ConfigResource_error(resource), operation: "describe configs of \(name)") {
                    throw error
                }
                var entryCount = 0
                let entries = rd_kafka_ConfigResource_configs(resource, &entryCount)
                guard entryCount > 0 else { continue }
                var values: [String: String] = [:]
                for j in 0..<entryCount {
                    guard let entry = entries?[j],
                          let value = rd_kafka_ConfigEntry_value(entry) else { continue }
                    values[String(cString: rd_kafka_ConfigEntry_name(entry))] = String(cString: value)
                }
                configs[name] = values
            }
            return configs
        }
    }

    /// The cluster's view of those of `names` that exist, in the order given, with configs
    /// when the broker describes them (nil otherwise): what ``TopicPlan`` compares against.
    public func describeTopics(_ names: [String], timeout: Duration = .seconds(10)) async throws(KafkaError) -> [TopicDescription] {
        let existing = Dictionary(try await listTopics(timeout: timeout).map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var found = names.compactMap { existing[$0] }
        guard !found.isEmpty else { return [] }
        if let configs = try? await describeConfigs(found.map(\.name), timeout: timeout) {
            for i in found.indices { found[i].configs = configs[found[i].name] }
        }
        return found
    }

    /// Releases the client. Idempotent.
    public func close() {
        if gate.closeAndDrain() { handle.destroy() }
    }

    deinit { close() }

    private func withHandle<T>(_ operation: String, _ body: (OpaquePointer) throws(KafkaError) -> T) throws(KafkaError) -> T {
        try gate.run("admin client", operation) { () throws(KafkaError) in try body(handle.pointer) }
    }

    /// Issues one admin request on a private queue and converts its result event.
    private func run<T: Sendable>(
        _ operation: String, timeout: Duration,
        request: @escaping @Sendable (OpaquePointer, OpaquePointer, OpaquePointer) throws(KafkaError) -> Void,
        result: @escaping @Sendable (OpaquePointer) throws(KafkaError) -> T
    ) async throws(KafkaError) -> T {
        try await offloaded { () throws(KafkaError) in
            try self.withHandle(operation) { (rk) throws(KafkaError) in
                let queue = rd_kafka_queue_new(rk)!
                defer { rd_kafka_queue_destroy(queue) }
                let options = rd_kafka_AdminOptions_new(rk, RD_KAFKA_ADMIN_OP_ANY)!
                defer { rd_kafka_AdminOptions_destroy(options) }
                var errstr = ErrorText()
                _ = rd_kafka_AdminOptions_set_request_timeout(options, Int32(timeout.milliseconds), &errstr.buffer, errstr.buffer.count)
                _ = rd_kafka_AdminOptions_set_operation_timeout(options, Int32(timeout.milliseconds), &errstr.buffer, errstr.buffer.count)
                try request(rk, queue, options)
                guard let event = rd_kafka_queue_poll(queue, Int32(timeout.milliseconds + 1000)) else {
                    throw KafkaError(.timedOut, "no answer within \(timeout)", operation: operation)
                }
                defer { rd_kafka_event_destroy(event) }
                if let error = KafkaError.check(rd_kafka_event_error(event), operation: operation) {
                    throw KafkaError(error.code, rd_kafka_event_error_string(event).map { String(cString: $0) },
                                     operation: operation, isRetriable: error.isRetriable)
                }
                return try result(event)
            }
        }
    }
}
