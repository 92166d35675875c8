import Kafka
import LeewayCore
import Logging

/// The compacted topic that makes vessel state survive crashes and rebalances: the latest
/// ``VesselState`` per vessel, in the same partition number as the vessel's telemetry, a
/// tombstone once it expired.
struct StateChangelog: Sendable {
    /// The header naming the encoding.
    static let schemaHeader = KafkaHeader("leeway.schema", "state.v1")

    let topic: String

    /// The record that stores `state` for input partition `partition`.
    func record(_ state: VesselState, partition: Int32) -> ProducerRecord {
        ProducerRecord(topic: topic, key: Array(state.vesselID.utf8), value: state.binary,
                       headers: [Self.schemaHeader], partition: partition)
    }

    /// The tombstone that forgets `vesselID`.
    func tombstone(_ vesselID: String, partition: Int32) -> ProducerRecord {
        ProducerRecord(topic: topic, key: Array(vesselID.utf8), value: nil, partition: partition)
    }

    /// Reads `partitions` back into fresh stores; unreadable entries are logged and skipped
    /// (the vessel starts over), never fatal.
    func restore(_ partitions: [Int32], reader: KafkaPartitionReader, timeout: Duration,
                 logger: Logger) async throws(KafkaError) -> (stores: [Int32: PartitionStore], records: Int) {
        let collected = RestoredStates()
        let records = try await reader.readToEnd(partitions.map { TopicPartition(topic, $0) }, timeout: timeout) { batch in
            collected.add(batch)
        }
        let stores = Dictionary(uniqueKeysWithValues: partitions.map { ($0, PartitionStore(partition: $0)) })
        var unreadable = 0
        var first: (vessel: String, error: BinaryReader.Malformed)?
        for (partition, entries) in collected.take() {
            guard let store = stores[partition] else { continue }
            for (key, value) in entries {
                guard let value else { continue }
                do {
                    store.restore(try VesselState(binary: value))
                } catch {
                    unreadable += 1
                    if first == nil { first = (key, error) }
                }
            }
        }
        if let first {
            logger.error("unreadable states in the changelog; those vessels start over", metadata: [
                "count": "\(unreadable)", "partitions": "\(partitions.sorted())", "first_vessel": "\(first.vessel)",
                "first_error": "\(first.error)",
            ])
        }
        return (stores, records)
    }
}
