import Kafka
import LeewayCore
import LeewayModels
import Logging

/// The model registry on Kafka: `leeway.models.v1`, compacted, one record per vessel type
/// holding all its versions and decisions. Reads take the latest record per type; an update
/// reads, changes and writes back one type's record and waits for the broker's acknowledgement.
///
/// Updates are transactions fenced per type, so two reviewers deciding at the same moment
/// (two cache instances, or the CLI beside one) both keep their decision: the later one
/// reads again and applies its change on top. Read the topic `read_committed`.
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
        let reader = try KafkaPartitionReader(configuration: readerConfiguration, logger: logger)
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
    /// a failed write throws ``RegistryWriteError``. The read and the write happen inside a
    /// transaction whose id belongs to `type`: starting it fences any other writer of the
    /// same type, so when another update commits first this one's commit fails, and it reads
    /// again and applies `change` on top of the other's record.
    @discardableResult
    public func update<T>(_ type: VesselType, _ change: (inout RegistryRecord) throws -> T) async throws -> T {
        for attempt in 1...8 {
            let producer = try transactionalProducer(for: type)
            do {
                try await producer.initTransactions()
                var record = try await records()[type] ?? RegistryRecord(vesselType: type)
                let result = try change(&record)
                try producer.beginTransaction()
                try producer.send(registryRecord(record.encoded(), of: type))
                try await commit(producer)
                await producer.close()
                return result
            } catch let error as KafkaError where error.isFencing && attempt < 8 {
                await producer.close(timeout: .seconds(1))
                logger.notice("another registry update of the same type came first; reading again",
                              metadata: ["type": "\(type.rawValue)", "attempt": "\(attempt)"])
                try await Task.sleep(for: .milliseconds(Int.random(in: 10...100) * attempt))
            } catch let error as KafkaError {
                await producer.close(timeout: .seconds(1))
                throw RegistryWriteError(vesselType: type, underlying: error)
            } catch {
                await producer.close(timeout: .seconds(1))
                throw error
            }
        }
        throw RegistryWriteError(vesselType: type, underlying: RegistryContention())
    }

    /// Commits the open transaction; a commit that timed out (a slow broker) is asked again,
    /// as librdkafka allows, rather than started over.
    private func commit(_ producer: KafkaProducer) async throws {
        var attempt = 1
        while true {
            do {
                try await producer.commitTransaction()
                return
            } catch {
                guard error.isRetriable, attempt < 3 else { throw error }
                logger.notice("registry commit not confirmed; asking again", metadata: ["error": "\(error)", "attempt": "\(attempt)"])
                attempt += 1
            }
        }
    }

    /// Writes `record` as its type's latest and waits until the broker has it.
    public func write(_ record: RegistryRecord) async throws {
        _ = try await update(record.vesselType) { $0 = record }
    }

    /// A producer whose transactions are `type`'s registry updates.
    private func transactionalProducer(for type: VesselType) throws -> KafkaProducer {
        var configuration = KafkaProducerConfiguration(bootstrapServers: client.bootstrapServers)
        configuration.client = client
        configuration.client.statisticsInterval = nil
        configuration.transactionalID = "leeway-registry.\(topic).\(type.rawValue)"
        return try KafkaProducer(configuration: configuration, logger: logger)
    }

    private func registryRecord(_ value: [UInt8], of type: VesselType) -> ProducerRecord {
        ProducerRecord(topic: topic, key: Array(type.rawValue.utf8), value: value,
                       headers: [KafkaHeader("leeway.schema", "model.v1")], partition: 0)
    }

    var readerConfiguration: KafkaReaderConfiguration {
        var configuration = KafkaReaderConfiguration(bootstrapServers: client.bootstrapServers)
        configuration.client = client
        configuration.client.statisticsInterval = nil
        configuration.settleTime = .milliseconds(50)
        configuration.readCommitted = true
        return configuration
    }
}

/// Writers kept landing records of the same type between this update's read and its write.
public struct RegistryContention: Error, CustomStringConvertible {
    public var description: String { "other writers kept changing the same record; try again" }
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
