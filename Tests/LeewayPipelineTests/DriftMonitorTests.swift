import Foundation
import Kafka
import KafkaTestSupport
import LeewayCore
import LeewayModels
import LeewayPipeline
import LeewaySimulator
import LeewayTraining
import Testing

@Suite("Data drift monitor through the broker", .serialized)
struct DriftMonitorTests {
    /// 48 vessels reporting every 10 minutes for `days`; `faulty` vessels' fuel meters read `percent` high throughout.
    static func fleet(days: Double, faulty: [String] = [], percent: Double = 0) -> [FleetSimulator.Record] {
        var configuration = FleetSimulator.Configuration()
        configuration.vessels = 48
        configuration.seed = 21
        configuration.intervalSeconds = 600
        configuration.drifts = faulty.map { SensorDrift(.fuel(percent: percent), vesselID: $0, from: configuration.start) }
        var fleet = FleetSimulator(configuration)
        return (0..<Int(48 * 144 * days)).map { _ in fleet.next() }
    }

    @Test("every tanker's fuel meter reading 12 % high: the monitor fires DataDrift on the tanker fuel residual, nothing on power")
    func fleetWideFuelShiftFires() async throws {
        let pipeline = try await PipelineFixture.make("monitor", partitions: 2)
        // The approved tanker model, trained on the same fleet's clean history.
        let clean = Self.fleet(days: 10).compactMap(\.telemetry)
        let set = TrainingSet(clean, type: .tanker, assumedDraft: 15)
        let artifact = try Trainer(type: .tanker).train(set, source: "simulator", createdAt: "2026-11-29T12:00:00Z").artifact
        #expect(artifact.references.keys.contains { $0.hasPrefix("fuel_rate_tph_residual_pct@") })
        let registry = ModelRegistry(client: KafkaClientConfiguration(bootstrapServers: TestBroker.servers), topic: pipeline.topics.models)
        try await registry.update(.tanker) { record in
            _ = try record.register(artifact, at: "2026-11-29T12:00:00Z")
            try record.approve(1, by: "ana", at: "2026-11-29T12:01:00Z", notes: nil)
        }

        let monitor = try ProcessorProcess(pipeline, name: "monitor", arguments: ["--role", "monitor"])
        try await monitor.waitForLog("partitions assigned")
        let tankers = clean.filter { $0.vesselType == .tanker }.map(\.vesselID)
        try await pipeline.produce(Self.fleet(days: 5, faulty: Array(Set(tankers)), percent: 12))

        var alerts: [[String: Any]] = []
        let deadline = ContinuousClock.now.advanced(by: .seconds(90))
        while ContinuousClock.now < deadline {
            alerts = try await pipeline.readAll(pipeline.topics.alerts).compactMap {
                try JSONSerialization.jsonObject(with: Data($0.value ?? [])) as? [String: Any]
            }
            if alerts.contains(where: { ($0["labels"] as? [String: Any])?["alertname"] as? String == "DataDrift" }) { break }
            try await Task.sleep(for: .milliseconds(500))
        }
        let labels = alerts.compactMap { $0["labels"] as? [String: Any] }
        let fuel = labels.filter { ($0["feature"] as? String)?.hasPrefix("fuel_rate_tph_residual_pct@") == true }
        #expect(!fuel.isEmpty, "no DataDrift alert on the fuel residual; monitor log:\n\(monitor.log.suffix(3000))")
        #expect(labels.allSatisfy { $0["alertname"] as? String == "DataDrift" && $0["vessel_type"] as? String == "tanker" })
        #expect(!labels.contains { ($0["feature"] as? String)?.hasPrefix("shaft_power_kw") == true }, "\(labels)")
        #expect(await monitor.stop() == 0)
    }
}
