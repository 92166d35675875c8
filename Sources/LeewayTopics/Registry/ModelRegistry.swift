import Kafka
import LeewayCore
import LeewayModels
import Logging

/// The model registry on Kafka: `leeway.models.v1`, compacted, one record per vessel type
/// holding all its versions and decisions. Reads take the latest record per type; an update
/// reads, changes and writes back one type's record and waits for the broker's acknowledgement.
///
/// Updates are read-modify-write without a lock: two reviewers deciding on the same type
/// within the same second can overwrite each other (the later write wins).
public final class ModelRegistry: Sendable {
    /// The registry topic.
    public let topic: String
    private let client: KafkaClientConfiguration
    private let logger: Logger

    /// A registry on `topic` of the cluster `client` names.
    public init(client: KafkaClientConfiguration, topic: String = "leeway.models.v1", logger: Logger = Logger(label: "leeway.models")) {
        self.client = client
        self.topic = topic
        self.logger = logger
    }

    /// Every type's latest record. Records that do not decode are logged and skipped.
    public func records(timeout: Duration = .seconds(30)) async throws -> [VesselType: RegistryRecord] {
        var configuration = KafkaReaderConfiguration(bootstrapServers: client.bootstrapServers)
        configuration.client = client
        configuration.client.statisticsInterval = nil
        configuration.settleTime = .milliseconds(50)
        let reader = try KafkaPartitionReader(configuration: configuration, logger: logger)
        defer { reader.close() }
        let latest = RecordBox()
        do {
            _ = try await reader.readToEnd([TopicPartition(topic, 0)], timeout: timeout) { records in latest.take(records) }
        } catch {
            if error.code == .unknownTopicOrPartition || error.code == .unknownPartition { throw MissingTopicError(topic: topic) }
            throw error
        }
        var result: [VesselType: RegistryRecord] = [:]
        for (key, value) in latest.values {
            do {
                let record = try Self.record(key: key, value: value)
                result[record.vesselType] = record
            } catch {
                logger.warning("unreadable registry record; skipped", metadata: ["key": "\(key)", "error": "\(error)"])
            }
        }
        return result
    }

    /// A registry topic record decoded and checked against its key (the vessel type).
    public static func record(key: String, value: [UInt8]) throws -> RegistryRecord {
        guard let type = VesselType(rawValue: key) else { throw RegistryKeyError(key: key, holds: nil) }
        let record = try RegistryRecord.decode(value)
        guard record.vesselType == type else { throw RegistryKeyError(key: key, holds: record.vesselType) }
        return record
    }

    /// Reads `type`'s record (empty if none), applies `change` and writes the result back;
    /// a failed write throws ``RegistryWriteError``.
    @discardableResult
    public func update<T>(_ type: VesselType, _ change: (inout RegistryRecord) throws -> T) async throws -> T {
        var record = try await records()[type] ?? RegistryRecord(vesselType: type)
        let result = try change(&record)
        do {
            try await write(record)
        } catch {
            throw RegistryWriteError(vesselType: type, underlying: error)
        }
        return result
    }

    /// Writes `record` as its type's latest and waits until the broker has it.
    public func write(_ record: RegistryRecord) async throws {
        let failure = FailureBox()
        var configuration = KafkaProducerConfiguration(bootstrapServers: client.bootstrapServers)
        configuration.client = client
        configuration.client.statisticsInterval = nil
        let producer = try KafkaProducer(configuration: configuration, logger: logger) { reports in
            for report in reports { if let error = report.error { failure.set(error) } }
        }
        do {
            try producer.send(ProducerRecord(topic: topic, key: Array(record.vesselType.rawValue.utf8), value: record.encoded(),
                                             headers: [KafkaHeader("leeway.schema", "model.v1")], partition: 0))
            try await producer.flush(timeout: .seconds(30))
        } catch {
            await producer.close(timeout: .seconds(1))
            throw error
        }
        await producer.close()
        if let error = failure.error { throw error }
    }
}

/// The registry was read and the change made, but the broker did not take the new record:
/// nothing was decided.
public struct RegistryWriteError: Error, CustomStringConvertible {
    /// The type whose record was being written.
    public var vesselType: VesselType
    /// Why the write failed.
    public var underlying: any Error

    public var description: String { "the \(vesselType.rawValue) record could not be written to the model registry: \(underlying)" }
}

/// A topic that does not exist on the cluster.
public struct MissingTopicError: Error, Equatable, CustomStringConvertible {
    /// The topic's name.
    public var topic: String

    public var description: String { "topic \(topic) does not exist (run `leeway topics apply`)" }
}

/// A registry record whose key is not a vessel type, or not the type it holds.
public struct RegistryKeyError: Error, CustomStringConvertible {
    /// The record's key.
    public var key: String
    /// The type the record holds, when it decoded.
    public var holds: VesselType?

    public var description: String {
        holds.map { "the record keyed \(key) holds \($0.rawValue)" } ?? "the key \(key) is not a vessel type"
    }
}
