import Foundation
import Kafka
import KafkaTestSupport
import LeewayCore
import LeewayPipeline
import LeewaySimulator
import Testing

@Suite("Simulated fleet through the broker and the intake", .timeLimit(.minutes(3)))
struct SimulatorIntakeTests {
    @Test("every simulated record arrives; the intake accepts the good and rejects each bad one with its intended reason")
    func simulateThroughBroker() async throws {
        let topic = try await TestBroker.makeTopic("sim", partitions: 6)
        var configuration = FleetSimulator.Configuration()
        configuration.vessels = 50
        configuration.badFraction = 0.02
        configuration.satelliteLinks = true
        var fleet = FleetSimulator(configuration)
        let producer = try KafkaProducer(configuration: TestBroker.producerConfiguration())
        let total = 20_000
        var intended: [String: Int] = [:]
        for _ in 0..<total {
            let record = fleet.next()
            if let reason = record.intendedRejection { intended[reason, default: 0] += 1 }
            try await producer.sendAwaitingRoom(ProducerRecord(topic: topic, key: record.key, value: record.value))
        }
        try await producer.flush()
        await producer.close()

        let intake = TelemetryIntake()
        let consumer = try KafkaConsumer(configuration: TestBroker.consumerConfiguration(group: "sim-\(UUID())", topic: topic))
        var accepted = 0
        var rejected: [String: Int] = [:]
        for try await event in consumer {
            guard case .records(let records) = event else { continue }
            for record in records {
                switch intake.admit(record, now: .now) {
                case .accepted(let telemetry): #expect(record.key == Array(telemetry.vesselID.utf8)); accepted += 1
                case .rejected(_, let rejection): rejected[rejection.code, default: 0] += 1
                }
            }
            if accepted + rejected.values.reduce(0, +) >= total { break }
        }
        await consumer.close()
        #expect(accepted + rejected.values.reduce(0, +) == total)
        #expect(rejected == intended)
        #expect(intended.count == 8)
    }
}
