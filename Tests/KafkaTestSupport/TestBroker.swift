import Foundation
import Kafka
import Testing

/// The dev broker the integration tests talk to: `LEEWAY_BROKERS`, else the one
/// `scripts/broker.sh up` started (its port in `.run/broker.port`).
public enum TestBroker {
    public static let bootstrap: String = {
        if let brokers = ProcessInfo.processInfo.environment["LEEWAY_BROKERS"], !brokers.isEmpty { return brokers }
        let portFile = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".run/broker.port")
        if let port = try? String(contentsOf: portFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines), !port.isEmpty {
            return "127.0.0.1:\(port)"
        }
        return "127.0.0.1:9092"
    }()

    public static var servers: [String] { [bootstrap] }

    /// A fresh topic with `partitions` partitions, unique to the calling test.
    public static func makeTopic(_ prefix: String, partitions: Int) async throws -> String {
        let name = "\(prefix)-\(UUID().uuidString.prefix(8))"
        let admin = try KafkaAdmin(configuration: KafkaClientConfiguration(bootstrapServers: servers))
        defer { admin.close() }
        let result = try await admin.createTopics([TopicSpec(name: name, partitions: partitions)])
        if let failure = result[name], let failure { throw failure }
        return name
    }

    /// Reads `topic` from the start with a fresh group until `count` records have arrived.
    public static func readAll(_ topic: String, count: Int) async throws -> [ConsumerRecord] {
        let consumer = try KafkaConsumer(configuration: consumerConfiguration(group: "read-\(UUID())", topic: topic))
        var records: [ConsumerRecord] = []
        for try await event in consumer {
            guard case .records(let batch) = event else { continue }
            records += batch
            if records.count >= count { break }
        }
        await consumer.close()
        return records
    }

    public static func producerConfiguration() -> KafkaProducerConfiguration {
        var configuration = KafkaProducerConfiguration(bootstrapServers: servers)
        configuration.messageTimeout = .seconds(20)
        return configuration
    }

    /// A group member with short session timeouts: Tansu answers a first join after half of it.
    public static func consumerConfiguration(group: String, topic: String) -> KafkaConsumerConfiguration {
        var configuration = KafkaConsumerConfiguration(bootstrapServers: servers, groupID: group, topics: [topic])
        configuration.sessionTimeout = .seconds(6)
        configuration.heartbeatInterval = .milliseconds(500)
        configuration.autoCommitInterval = nil
        configuration.client.statisticsInterval = nil
        return configuration
    }
}
