import Foundation
import ProcessTestSupport
import LeewayTopics
import Kafka
import KafkaTestSupport
import LeewayCore
import LeewayModels
import LeewayPipeline
import LeewaySimulator
import LeewayTraining
import Testing

@Suite(.serialized)
struct ModelServingTests {
    /// A fully instrumented tanker report of `id`, `minutes` after the fixture's start.
    static func report(_ id: String, minutes: Int) -> FleetSimulator.Record {
        var t = Telemetry(vesselID: id, vesselType: .tanker,
                          eventTime: EventTime(microseconds: 1_796_025_600_000_000 + Int64(minutes) * 60_000_000))
        t[.speedThroughWater] = 10 + Double(minutes % 9) / 3
        t[.courseOverGround] = 40
        t[.draft] = 14.2
        t[.daysSinceHullCleaning] = 120 + Double(minutes) / 1440
        t[.waveHeight] = 1.5
        t[.windSpeed] = 7
        t[.windDirection] = 80
        t[.fuelRate] = 1.6
        t[.shaftPower] = 9_500
        return FleetSimulator.Record(key: Array(id.utf8), value: t.json, intendedRejection: nil, telemetry: t)
    }

    static func batch(_ minutes: Range<Int>) -> [FleetSimulator.Record] {
        minutes.flatMap { minute in (1...4).map { report("tk-\($0)", minutes: minute) } }
    }

    /// (model name, model version, fuel) per prediction, keyed by vessel and event time.
    static func predictions(_ pipeline: PipelineFixture) async throws -> [String: (name: String, version: Int, fuel: Double)] {
        var result: [String: (String, Int, Double)] = [:]
        for record in try await pipeline.readAll(pipeline.topics.predictions) {
            let json = try #require(try JSONSerialization.jsonObject(with: Data(record.value ?? [])) as? [String: Any])
            let model = try #require(json["model"] as? [String: Any]), targets = try #require(json["targets"] as? [String: Any])
            let key = "\(json["vessel_id"]!)@\(json["ts"]!)"
            result[key] = (model["name"] as! String, (model["version"] as! NSNumber).intValue, (targets["fuel_rate_tph"] as! NSNumber).doubleValue)
        }
        return result
    }

    @Test("approving a version switches a running processor to it; rejecting it falls back to the baseline")
    func approvalSwitchesARunningProcessor() async throws {
        let pipeline = try await PipelineFixture.make("serving", partitions: 2)
        let prefix = pipeline.prefix
        let processor = try ProcessorProcess(pipeline, name: "serving", arguments: ["--models-refresh", "0.3"])
        try await processor.waitUntilAssigned()

        // Before any approval: the physics baseline (version 0) answers.
        try await pipeline.produce(Self.batch(0..<10))
        try await pipeline.waitUntilCommitted()
        var seen = try await Self.predictions(pipeline)
        #expect(seen.count == 40 && seen.values.allSatisfy { $0.version == 0 && $0.name == "tanker-physics-baseline" })

        // Train on simulated history, register (pending: nothing changes), approve with the CLI.
        let history = TrainingSet(TrainingSimulation.reports, type: .tanker, assumedDraft: 15)
        let artifact = try Trainer(type: .tanker).train(history, source: "simulator", createdAt: "2026-11-29T12:00:00Z").artifact
        let registry = ModelRegistry(client: KafkaClientConfiguration(bootstrapServers: TestBroker.servers), topic: pipeline.topics.models)
        let version = try await registry.update(.tanker) { try $0.register(artifact, at: "2026-11-29T12:00:00Z") }
        #expect(version == 1)
        let approved = try await LeewayCLI.run(["models", "approve", "tanker", "1", "--by", "ana", "--notes", "test", "--topic-prefix", prefix])
        #expect(approved.status == 0, "\(approved.output)")
        try await processor.waitForLog("serving a new model", count: 1)

        try await pipeline.produce(Self.batch(10..<20))
        try await pipeline.waitUntilCommitted()
        seen = try await Self.predictions(pipeline)
        let model = try artifact.servingModel()
        let empty = VesselState(vesselID: "", vesselType: .tanker)
        for record in Self.batch(10..<20) {
            let report = try #require(record.telemetry)
            let prediction = try #require(seen["\(report.vesselID)@\(report.eventTime)"])
            #expect(prediction.version == 1 && prediction.name == "tanker-linear-physics")
            let expected = try #require(model.predict(report, state: empty)?[.fuelRate])
            #expect(abs(prediction.fuel - expected) < 1e-5, "fuel \(prediction.fuel) vs the artifact's \(expected)")
        }

        // The decision trail is in the registry; rejecting the serving version restores the baseline.
        let rejected = try await LeewayCLI.run(["models", "reject", "tanker", "1", "--by", "ben", "--reason", "test", "--topic-prefix", prefix])
        #expect(rejected.status == 0, "\(rejected.output)")
        try await processor.waitForLog("serving a new model", count: 2)
        try await pipeline.produce(Self.batch(20..<25))
        try await pipeline.waitUntilCommitted()
        seen = try await Self.predictions(pipeline)
        #expect(Self.batch(20..<25).allSatisfy { record in
            seen["\(record.telemetry!.vesselID)@\(record.telemetry!.eventTime)"]?.version == 0
        })
        let record = try #require(try await registry.records()[.tanker])
        #expect(record.decisions.map { "\($0.version):\($0.status.rawValue):\($0.by)" } == ["1:pending:registry", "1:approved:ana", "1:rejected:ben"])
        #expect(await processor.stop() == 0)
    }

    @Test("the CLI refuses to approve a version that failed its checks and names them")
    func approvingAFailedVersionIsRefused() async throws {
        let pipeline = try await PipelineFixture.make("refuse", partitions: 1)
        let prefix = pipeline.prefix
        var artifact = try TrainingSimulation.tankerArtifact()
        artifact.targets[0].coefficients = artifact.targets[0].coefficients.map { -$0 }
        artifact.contentHash = ""
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)broken.json")
        try artifact.encoded().write(to: file)
        let registered = try await LeewayCLI.run(["models", "register", file.path, "--topic-prefix", prefix])
        #expect(registered.status == 0 && registered.output.contains("REJECTED") && registered.output.contains("fuel_increases_with_speed"),
                "\(registered.output)")
        let approve = try await LeewayCLI.run(["models", "approve", "tanker", "1", "--by", "ana", "--topic-prefix", prefix])
        #expect(approve.status != 0 && approve.output.contains("failed its physics checks"), "\(approve.output)")
        let list = try await LeewayCLI.run(["models", "list", "--topic-prefix", prefix])
        #expect(list.output.contains("tanker\t1\trejected"), "\(list.output)")
    }
}

extension ModelServingTests {
    @Test("leeway train from a file and a Python-fitted artifact register the same way")
    func trainAndExternalArtifactRegister() async throws {
        let pipeline = try await PipelineFixture.make("train", partitions: 1)
        let prefix = pipeline.prefix
        let directory = try pipeline.scratchDirectory("models")
        defer { try? FileManager.default.removeItem(at: directory) }
        let history = directory.appendingPathComponent("history.jsonl").path
        let simulated = try await LeewayCLI.run(["simulate", "--topic", pipeline.topics.telemetry, "--out", history, "--vessels", "12",
                                           "--records", "40000", "--interval", "600", "--seed", "5"])
        #expect(simulated.status == 0, "\(simulated.output)")
        // From the topic (every partition, start to end) the same history is read.
        let fromTopic = try await LeewayCLI.run(["train", "--type", "tanker", "--source", pipeline.topics.telemetry, "--out", directory.path])
        #expect(fromTopic.status == 0 && fromTopic.output.contains("40000 reports read (0 not telemetry)"), "\(fromTopic.output)")

        let trained = try await LeewayCLI.run(["train", "--type", "tanker", "--source", history, "--out", directory.path, "--register",
                                         "--topic-prefix", prefix])
        #expect(trained.status == 0 && trained.output.contains("registered tanker v1 as pending"), "\(trained.output)")
        for file in ["tanker-v1.json", "tanker-v1.html"] {
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(file).path), "\(file)")
        }

        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/examples/fit_linear_physics.py").path
        let external = directory.appendingPathComponent("tanker-python.json").path
        let python = try await ChildProcess.run(URL(fileURLWithPath: "/usr/bin/env"),
                                                ["python3", script, "--type", "tanker", "--input", history, "--output", external])
        #expect(python.status == 0, "\(python.output)")
        let registered = try await LeewayCLI.run(["models", "register", external, "--topic-prefix", prefix])
        #expect(registered.status == 0 && registered.output.contains("registered tanker v2 as pending"), "\(registered.output)")

        let shown = try await LeewayCLI.run(["models", "show", "tanker", "2", "--topic-prefix", prefix])
        let fromPython = try ModelArtifact.decode(Data(shown.output.utf8)).servingModel()
        let fromSwift = try ModelArtifact.decode(Data(contentsOf: directory.appendingPathComponent("tanker-v1.json"))).servingModel()
        #expect(fromPython.identity == ModelIdentity(name: "tanker-python-ols", version: 2, kind: "linear-physics"))
        for speed in stride(from: 8.0, through: 14.0, by: 2) {
            let inputs = PhysicsInputs(speed: speed, draft: 14, daysSinceCleaning: 90, waveHeight: 1, windSpeed: 6, relativeWind: 30)
            let a = try #require(fromPython.predict(inputs)[.fuelRate]), b = try #require(fromSwift.predict(inputs)[.fuelRate])
            // The simulator's own (baseline) physics for the typical tanker: the truth both fit.
            let hull = HullClass.typical(.tanker)
            let power = hull.shaftPower(speed: speed, draft: 14, daysSinceCleaning: 90, waveHeight: 1, windSpeed: 6, relativeWind: 30)
            let truth = power * hull.sfoc(load: power / hull.maxPower) / 1e6
            #expect(abs(b / truth - 1) < 0.02, "at \(speed) kn: Swift \(b), simulator \(truth)")
            // Two model forms (Python: unconstrained OLS on fixed terms), the same data.
            #expect(abs(a / b - 1) < 0.05, "at \(speed) kn: Python \(a), Swift \(b)")
        }
        let page = directory.appendingPathComponent("v2.html").path
        let report = try await LeewayCLI.run(["models", "report", "tanker", "2", "-o", page, "--topic-prefix", prefix])
        #expect(report.status == 0, "\(report.output)")
        #expect(try String(contentsOfFile: page, encoding: .utf8).contains("tanker-python-ols"))
    }
}

/// Simulated fleet history to train on (a fortnight, every 10 minutes), made once.
enum TrainingSimulation {
    static let reports: [Telemetry] = {
        var configuration = FleetSimulator.Configuration()
        configuration.vessels = 12
        configuration.seed = 5
        configuration.intervalSeconds = 600
        var fleet = FleetSimulator(configuration)
        return (0..<(12 * 14 * 144)).compactMap { _ in fleet.next().telemetry }
    }()

    /// A tanker model trained on ``reports``, as `leeway train` makes it.
    static func tankerArtifact() throws -> ModelArtifact {
        try Trainer(type: .tanker).train(TrainingSet(reports, type: .tanker, assumedDraft: 15),
                                         source: "simulator", createdAt: "2026-11-29T12:00:00Z").artifact
    }
}
