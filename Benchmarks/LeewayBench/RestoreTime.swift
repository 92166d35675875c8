import Foundation
import Synchronization
import Kafka
import LeewayCore
import LeewaySimulator

/// How long restoring 100,000 vessels' state takes: what a processor does for its partitions
/// on assignment (read the compacted changelog to its end, decode every entry, hold each
/// state boxed under its vessel id, as the partition store does); and how much resident
/// memory the held states take, per vessel.
struct RestoreTime {
    /// One restored vessel's state, boxed like the partition store's slots.
    private final class Slot: Sendable {
        let state: VesselState
        init(_ state: VesselState) { self.state = state }
    }

    let options: Options
    let vessels = 100_000
    let partitions = 6

    func run() async throws -> (seconds: Double, bytes: Int, residentPerVessel: Int) {
        let topic = "bench-restore-\(UInt32.random(in: 0...UInt32.max))"
        let admin = try KafkaAdmin(configuration: KafkaClientConfiguration(bootstrapServers: [options.brokers]))
        _ = try await admin.createTopics([TopicSpec(name: topic, partitions: partitions, configs: ["cleanup.policy": "compact"])])
        admin.close()
        // Each vessel's state after a day of reports (simulated), as the changelog holds it.
        var configuration = FleetSimulator.Configuration()
        configuration.vessels = 1_000
        configuration.intervalSeconds = 600
        var fleet = FleetSimulator(configuration)
        var templates: [VesselState] = []
        var states: [String: VesselState] = [:]
        for _ in 0..<(1_000 * 144) {
            guard let report = fleet.next().telemetry else { continue }
            var state = states[report.vesselID] ?? VesselState(vesselID: report.vesselID, vesselType: report.vesselType)
            _ = state.admit(report, offset: 0, policy: FeaturePolicy())
            states[report.vesselID] = state
        }
        templates = Array(states.values)
        var producerConfiguration = KafkaProducerConfiguration(bootstrapServers: [options.brokers])
        producerConfiguration.client.statisticsInterval = nil
        producerConfiguration.queueMaxMessages = 500_000
        let producer = try KafkaProducer(configuration: producerConfiguration)
        var bytes = 0
        for index in 0..<vessels {
            var state = templates[index % templates.count]
            state.vesselID = "IMO\(10_000_000 + index)"
            let value = state.binary
            bytes += value.count
            try await producer.sendAwaitingRoom(ProducerRecord(topic: topic, key: Array(state.vesselID.utf8), value: value,
                                                               partition: Int32(index % partitions)))
        }
        try await producer.flush(timeout: .seconds(300))
        await producer.close()

        var readerConfiguration = KafkaReaderConfiguration(bootstrapServers: [options.brokers])
        readerConfiguration.client.statisticsInterval = nil
        let reader = try KafkaPartitionReader(configuration: readerConfiguration)
        let held = Mutex<[String: Slot]>([:])
        ResidentMemory.trim()
        let before = ResidentMemory.bytes
        let started = ContinuousClock.now
        _ = try await reader.readToEnd((0..<partitions).map { TopicPartition(topic, Int32($0)) }, timeout: .seconds(300)) { batch in
            var slots: [(String, Slot)] = []
            slots.reserveCapacity(batch.count)
            for record in batch {
                if let value = record.value, let state = try? VesselState(binary: value) { slots.append((state.vesselID, Slot(state))) }
            }
            held.withLock { held in for (id, slot) in slots { held[id] = slot } }
        }
        let elapsed = ContinuousClock.now - started
        reader.close()
        ResidentMemory.trim()
        let after = ResidentMemory.bytes
        let restored = held.withLock { $0.count }
        guard restored == vessels else { throw BenchError("restored \(restored) of \(vessels) states") }
        return (elapsed.seconds, bytes, max(0, after - before) / vessels)
    }
}
