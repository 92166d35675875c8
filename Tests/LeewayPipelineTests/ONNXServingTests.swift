import Foundation
import Kafka
import KafkaTestSupport
import LeewayCore
import LeewayInference
import LeewayModels
import LeewayTopics
import ProcessTestSupport
import Testing

/// A model trained in scikit-learn, from export to serving, with the CLI a user has.
@Suite("Bring your own ONNX model", .serialized, .timeLimit(.minutes(5)))
struct ONNXServingTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("features export → scikit-learn → models import → approve: a running processor serves the ONNX model, each prediction the graph's answer for the vessel's vector")
    func exportTrainImportServe() async throws {
        let pipeline = try await PipelineFixture.make("onnx", partitions: 2)
        let prefix = pipeline.prefix
        let directory = try pipeline.scratchDirectory("onnx")
        defer { try? FileManager.default.removeItem(at: directory) }
        let history = directory.appendingPathComponent("history.jsonl").path, rows = directory.appendingPathComponent("rows.csv").path
        let graph = directory.appendingPathComponent("tanker.onnx").path
        let inputs = "stw_kn,draft_m,days_since_hull_cleaning,wave_height_m,head_wind_ms"
        // History under the simulator's variant physics (not the baseline's law).
        let simulated = try await LeewayCLI.run(["simulate", "--topic", pipeline.topics.telemetry, "--out", history, "--vessels", "12",
                                           "--types", "tanker", "--records", "24000", "--interval", "300", "--physics", "variant", "--seed", "3"])
        #expect(simulated.status == 0, "\(simulated.output)")
        let exported = try await LeewayCLI.run(["features", "export", "--type", "tanker", "--source", pipeline.topics.telemetry,
                                          "--inputs", inputs, "-o", rows])
        #expect(exported.status == 0 && exported.output.contains("rows of 5 inputs"), "\(exported.output)")
        let python = try await ChildProcess.run(Self.root.appendingPathComponent(".deps/ml/bin/python"),
                                                [Self.root.appendingPathComponent("examples/scikit-learn/train_onnx.py").path, rows, "--out", graph])
        #expect(python.status == 0, "\(python.output)")

        let imported = try await LeewayCLI.run(["models", "import", "--type", "tanker", "--source", history, "--onnx", graph, "--inputs", inputs,
                                          "--name", "tanker-loglinear", "--out", directory.path, "--register", "--topic-prefix", prefix])
        #expect(imported.status == 0 && imported.output.contains("registered tanker v1 as pending"), "\(imported.output)")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("tanker-v1.html").path))

        let processor = try ProcessorProcess(pipeline, name: "onnx", arguments: ["--models-refresh", "0.3"])
        try await processor.waitUntilAssigned()
        let approved = try await LeewayCLI.run(["models", "approve", "tanker", "1", "--by", "ana", "--topic-prefix", prefix])
        #expect(approved.status == 0, "\(approved.output)")
        try await processor.waitForLog("serving a new model", count: 1)
        let records = (0..<30).flatMap { minute in (1...4).map { PipelineFixture.report("tk-\($0)", minutes: minute * 5) } }
        try await pipeline.produce(records)
        try await pipeline.waitUntilCommitted()
        #expect(await processor.stop() == 0)

        // The same graph, one report at a time, on each vessel's state replayed in order.
        let artifact = try ModelArtifact.decode(Data(contentsOf: directory.appendingPathComponent("tanker-v1.json")))
        try RecordSchemaTests.validate([artifact.encoded().map { $0 == 0x0A ? 0x20 : $0 }], against: "model-artifact.v1.schema.json")
        var linearOnly = artifact
        linearOnly.modelFile = nil
        try RecordSchemaTests.validate([linearOnly.encoded().map { $0 == 0x0A ? 0x20 : $0 }], against: "model-artifact.v1.schema.json",
                                       expectValid: false)
        let model = try artifact.onnxModel()
        var states: [String: VesselState] = [:]
        var expected: [String: Double] = [:]
        for (offset, record) in records.enumerated() {
            let report = try #require(record.telemetry)
            var state = states[report.vesselID] ?? VesselState(vesselID: report.vesselID, vesselType: .tanker)
            _ = state.admit(report, offset: Int64(offset), policy: FeaturePolicy())
            var row = FeatureBatch(width: model.layout.inputs.count)
            row.append(model.layout, report, state: state)
            expected["\(report.vesselID)@\(report.eventTime)"] = try #require(try model.evaluate(row).first?[.fuelRate])
            states[report.vesselID] = state
        }
        var served = 0
        for record in try await pipeline.readAll(pipeline.topics.predictions) {
            let json = try #require(try JSONSerialization.jsonObject(with: Data(record.value ?? [])) as? [String: Any])
            guard let vessel = json["vessel_id"] as? String, vessel.hasPrefix("tk-") else { continue }
            let model = try #require(json["model"] as? [String: Any]), targets = try #require(json["targets"] as? [String: Any])
            #expect(model["name"] as? String == "tanker-loglinear" && model["kind"] as? String == "onnx", "\(json)")
            let fuel = try #require(expected["\(vessel)@\(json["ts"]!)"])
            #expect(abs((targets["fuel_rate_tph"] as! NSNumber).doubleValue - fuel) < 1e-5, "\(vessel) \(json["ts"]!)")
            served += 1
        }
        #expect(served == records.count)
    }
}
