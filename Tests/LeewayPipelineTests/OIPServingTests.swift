import Foundation
import Kafka
import KafkaTestSupport
import LeewayCore
import LeewayInference
import LeewayModels
import LeewaySimulator
import Testing

/// A model on a real MLServer, asked over the Open Inference Protocol V2, from import to a
/// server outage and back.
@Suite("Models on an Open Inference Protocol server", .serialized, .timeLimit(.minutes(5)))
struct OIPServingTests {
    /// Per prediction: model name and quality flags, keyed by vessel and ts.
    static func predictions(_ pipeline: PipelineFixture) async throws -> [String: (model: String, quality: [String], fuel: Double)] {
        var seen: [String: (String, [String], Double)] = [:]
        for record in try await pipeline.readAll(pipeline.topics.predictions) {
            let json = try #require(try JSONSerialization.jsonObject(with: Data(record.value ?? [])) as? [String: Any])
            guard let vessel = json["vessel_id"] as? String, vessel.hasPrefix("tk-") else { continue }
            let model = try #require(json["model"] as? [String: Any]), targets = try #require(json["targets"] as? [String: Any])
            #expect(seen["\(vessel)@\(json["ts"]!)"] == nil, "one prediction per report")
            seen["\(vessel)@\(json["ts"]!)"] = (model["name"] as! String, json["quality"] as? [String] ?? [],
                                                (targets["fuel_rate_tph"] as! NSNumber).doubleValue)
        }
        return seen
    }

    static func records(_ minutes: Range<Int>) -> [FleetSimulator.Record] {
        minutes.flatMap { minute in (1...4).map { PipelineFixture.report("tk-\($0)", minutes: minute * 5) } }
    }

    static func get(_ port: Int, _ path: String) async throws -> String {
        let client = try LoopbackHTTPClient(port: port, request: "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        await client.read(until: { _ in false }, timeout: .seconds(5))
        return client.received
    }

    @Test("import from MLServer, approve, serve; the server frozen: baseline flagged fallback_model, ModelServiceDown, /healthz degraded; thawed: the model again, nothing lost")
    func serveThroughAnOutage() async throws {
        let pipeline = try await PipelineFixture.make("oip", partitions: 2)
        let prefix = pipeline.prefix
        let directory = try pipeline.scratchDirectory("oip")
        defer { try? FileManager.default.removeItem(at: directory) }
        let history = directory.appendingPathComponent("history.jsonl").path, rows = directory.appendingPathComponent("rows.csv").path
        let inputs = "stw_kn,draft_m,days_since_hull_cleaning,wave_height_m,head_wind_ms"
        let simulated = try await LeewayCLI.run(["simulate", "--no-kafka", "--out", history, "--vessels", "12", "--types", "tanker",
                                           "--records", "24000", "--interval", "300", "--physics", "variant", "--seed", "3"])
        #expect(simulated.status == 0, "\(simulated.output)")
        let exported = try await LeewayCLI.run(["features", "export", "--type", "tanker", "--source", history, "--inputs", inputs, "-o", rows])
        #expect(exported.status == 0, "\(exported.output)")
        let server = try await MLServerProcess.start(rows: rows, name: "tanker-fuel", directory: directory)
        defer { server.kill() }
        try await server.waitUntilReady()

        let imported = try await LeewayCLI.run(["models", "import", "--kind", "oip", "--url", server.url, "--model", "tanker-fuel",
                                          "--model-version", "v1", "--type", "tanker", "--source", history, "--inputs", inputs,
                                          "--out", directory.path, "--register", "--topic-prefix", prefix])
        #expect(imported.status == 0 && imported.output.contains("registered tanker v1 as pending"), "\(imported.output)")
        let artifact = try ModelArtifact.decode(Data(contentsOf: directory.appendingPathComponent("tanker-v1.json")))
        #expect(artifact.kind == "oip" && artifact.service == ModelService(url: server.url, model: "tanker-fuel", version: "v1"))
        try RecordSchemaTests.validate([artifact.encoded().map { $0 == 0x0A ? 0x20 : $0 }], against: "model-artifact.v1.schema.json")

        let processor = try ProcessorProcess(pipeline, name: "oip", arguments: [
            "--models-refresh", "0.3", "--model-timeout", "2", "--model-deadline", "4", "--model-down-after", "0",
        ])
        try await processor.waitUntilAssigned()
        let port = try await processor.metricsPort()
        #expect(try await LeewayCLI.run(["models", "approve", "tanker", "1", "--by", "ana", "--topic-prefix", prefix]).status == 0)
        try await processor.waitForLog("serving a new model", count: 1)

        try await pipeline.produce(Self.records(0..<10))
        try await pipeline.waitUntilCommitted()
        server.freeze()
        try await pipeline.produce(Self.records(10..<20))
        try await pipeline.waitUntilCommitted()
        let health = try await Self.get(port, "/healthz")
        #expect(health.contains("200 OK") && health.contains("\"degraded\"") && health.contains("tanker-oip"), "\(health)")
        let metrics = try await Self.get(port, "/metrics")
        #expect(metrics.contains("leeway_model_fallback{vessel_type=\"tanker\"} 1"), "\(metrics.prefix(400))")
        server.thaw()
        // Readiness is asked every second in the background (a probe sent while frozen waits out --model-timeout).
        try await Task.sleep(for: .seconds(4.5))
        try await pipeline.produce(Self.records(20..<30))
        try await pipeline.waitUntilCommitted()
        #expect(await processor.stop() == 0)

        let seen = try await Self.predictions(pipeline)
        #expect(seen.count == 120, "one prediction per report, none lost")
        // The server's own answers for each report's vector, on each vessel's state replayed in order.
        var settings = RemoteModelSettings()
        settings.timeout = .seconds(30)
        settings.deadline = .seconds(60)
        let direct = try artifact.oipModel(remote: settings)
        var states: [String: VesselState] = [:]
        var vectors = FeatureBatch(width: direct.layout.inputs.count)
        let reports = try Self.records(0..<30).map { try #require($0.telemetry) }
        for (offset, report) in reports.enumerated() {
            var state = states[report.vesselID] ?? VesselState(vesselID: report.vesselID, vesselType: .tanker)
            _ = state.admit(report, offset: Int64(offset), policy: FeaturePolicy())
            states[report.vesselID] = state
            vectors.append(direct.layout, report, state: state)
        }
        let answers: [TargetValues] = try await direct.predict(vectors)
        for (offset, report) in reports.enumerated() {
            let prediction = try #require(seen["\(report.vesselID)@\(report.eventTime)"])
            if (10..<20).contains(offset / 4) {
                #expect(prediction.model == "tanker-physics-baseline" && prediction.quality.contains("fallback_model"), "\(prediction)")
            } else {
                #expect(prediction.model == "tanker-oip" && !prediction.quality.contains("fallback_model"), "minute \(offset / 4): \(prediction)")
                #expect(abs(prediction.fuel - (answers[offset][.fuelRate] ?? .nan)) < 1e-5)
            }
        }
        await server.stop()
        let alerts = try await pipeline.readAll(pipeline.topics.alerts).compactMap { record -> [String: Any]? in
            try? JSONSerialization.jsonObject(with: Data(record.value ?? [])) as? [String: Any]
        }.filter { ($0["labels"] as? [String: Any])?["alertname"] as? String == "ModelServiceDown" }
        #expect(alerts.map { $0["status"] as? String } == ["firing", "resolved"], "\(alerts)")
    }
}
