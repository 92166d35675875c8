import Foundation
import LeewayTopics
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

    /// Bulk-carrier reports in hour `hour` after the fleet's start, the first `bad` with an impossible speed over ground.
    static func bulkHour(_ hour: Int64, count: Int, bad: Int) -> [FleetSimulator.Record] {
        (0..<count).map { i in
            var t = Telemetry(vesselID: "IMO9100002", vesselType: .bulk,
                              eventTime: FleetSimulator.Configuration().start.advanced(by: .seconds(hour * 3600 + Int64(i))))
            t[.speedOverGround] = i < bad ? 99 : 12
            return FleetSimulator.Record(key: Array(t.vesselID.utf8), value: t.json, intendedRejection: i < bad ? "out_of_range" : nil,
                                         telemetry: t)
        }
    }

    @Test("every tanker's fuel meter reading 12 % high fires DataDrift on the tanker fuel residual, nothing on power; an hour of bulk telemetry 40 % out of range fires OutOfRangeSpike")
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
        // The bulk hours once the fleet's five days are read: the hourly share is counted by
        // Kafka timestamp as records arrive, so a fleet record read after them (the other
        // partition, on a loaded machine) would count in their hour and dilute it.
        try await pipeline.waitUntilCommitted()
        try await pipeline.produce(Self.bulkHour(5 * 24 + 1, count: 100, bad: 40) + Self.bulkHour(5 * 24 + 2, count: 1, bad: 0))

        var alerts: [[String: Any]] = []
        let deadline = ContinuousClock.now.advanced(by: .seconds(90))
        while ContinuousClock.now < deadline {
            alerts = try await pipeline.readAll(pipeline.topics.alerts).compactMap {
                try JSONSerialization.jsonObject(with: Data($0.value ?? [])) as? [String: Any]
            }
            let names = Set(alerts.compactMap { ($0["labels"] as? [String: Any])?["alertname"] as? String })
            if names.isSuperset(of: ["DataDrift", "OutOfRangeSpike"]) { break }
            try await Task.sleep(for: .milliseconds(500))
        }
        let all = alerts.compactMap { $0["labels"] as? [String: Any] }
        let labels = all.filter { $0["alertname"] as? String == "DataDrift" }
        let fuel = labels.filter { ($0["feature"] as? String)?.hasPrefix("fuel_rate_tph_residual_pct@") == true }
        #expect(!fuel.isEmpty, "no DataDrift alert on the fuel residual; monitor log:\n\(monitor.log.suffix(3000))")
        #expect(labels.allSatisfy { $0["vessel_type"] as? String == "tanker" })
        let spikes = all.filter { $0["alertname"] as? String == "OutOfRangeSpike" }
        #expect(spikes.count == 1 && spikes.first?["vessel_type"] as? String == "bulk" && spikes.first?["severity"] as? String == "critical",
                "\(spikes)")
        #expect(all.count == labels.count + spikes.count, "\(all)")
        #expect(!labels.contains { ($0["feature"] as? String)?.hasPrefix("shaft_power_kw") == true }, "\(labels)")
        #expect(await monitor.stop() == 0)
    }
}
