import Kafka
import LeewayCore
import Logging
import Synchronization

/// Telemetry history for training, read from a topic (every partition, start to end, no
/// consumer group) or from JSON lines. Undecodable records are counted, not fatal.
public struct TelemetryHistory: Sendable {
    /// The reports read.
    public var reports: [Telemetry]
    /// Records that were not valid telemetry.
    public var rejected: Int

    /// Decodes newline-separated telemetry JSON.
    public init(jsonLines bytes: [UInt8]) {
        var reports: [Telemetry] = [], rejected = 0
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: true) {
            if let report = try? TelemetryDecoder.decode(Array(line)) { reports.append(report) } else { rejected += 1 }
        }
        self.reports = reports
        self.rejected = rejected
    }

    /// Reads `topic` of the cluster `client` names to its end; `progress` gets the running
    /// record count from the reader's thread.
    public static func read(topic: String, client: KafkaClientConfiguration, timeout: Duration = .seconds(600),
                            progress: @escaping @Sendable (Int) -> Void = { _ in }) async throws -> TelemetryHistory {
        let admin = try KafkaAdmin(configuration: client)
        let partitions = try await admin.describeTopics([topic]).first?.partitions ?? 0
        admin.close()
        guard partitions > 0 else { throw KafkaError(.unknownTopicOrPartition, "topic \(topic) does not exist", operation: "read history") }
        var configuration = KafkaReaderConfiguration(bootstrapServers: client.bootstrapServers)
        configuration.client = client
        configuration.client.statisticsInterval = nil
        let reader = try KafkaPartitionReader(configuration: configuration)
        defer { reader.close() }
        let gathered = Mutex<(reports: [Telemetry], rejected: Int)>(([], 0))
        _ = try await reader.readToEnd((0..<Int32(partitions)).map { TopicPartition(topic, $0) }, timeout: timeout) { records in
            let count = gathered.withLock { gathered in
                for record in records {
                    if let value = record.value, let report = try? TelemetryDecoder.decode(value) {
                        gathered.reports.append(report)
                    } else {
                        gathered.rejected += 1
                    }
                }
                return gathered.reports.count + gathered.rejected
            }
            progress(count)
        }
        let result = gathered.withLock { $0 }
        return TelemetryHistory(reports: result.reports, rejected: result.rejected)
    }

    private init(reports: [Telemetry], rejected: Int) {
        self.reports = reports
        self.rejected = rejected
    }
}
