import Foundation
import Kafka
import KafkaTestSupport
import LeewayCore
import LeewayPipeline
import LeewaySimulator
import ServiceLifecycle
import Synchronization
import Testing

/// A batch model standing in for a model server that can go down: fuel and power from a
/// power law of the vector [stw_kn, draft_m], or, while down, an error.
final class SwitchableModel: BatchModel {
    let identity = ModelIdentity(name: "tanker-switchable", version: 3, kind: "oip")
    let layout = InputLayout([.speedThroughWater, .draft])
    let down = Atomic<Bool>(false)
    let calls = Atomic<Int>(0)

    func predict(_ batch: FeatureBatch) async throws(ModelCallError) -> [TargetValues] {
        calls.add(1, ordering: .relaxed)
        if down.load(ordering: .acquiring) { throw ModelCallError("connection refused by 127.0.0.1:1") }
        return (0..<batch.count).map { index in Self.answer(batch.row(index)) }
    }

    static func answer(_ row: ArraySlice<Float>) -> TargetValues {
        let speed = Double(row[row.startIndex]), draft = Double(row[row.startIndex + 1])
        var values = TargetValues()
        values[.shaftPower] = 4 * speed * speed * speed * pow(draft, 2.0 / 3.0)
        values[.fuelRate] = values[.shaftPower]! * 170e-6
        return values
    }
}

@Suite("Batch models in the processor", .serialized, .timeLimit(.minutes(4)))
struct BatchModelServingTests {
    /// Per prediction: vessel, ts, model name, quality flags, fuel.
    static func predictions(_ pipeline: PipelineFixture) async throws -> [(id: String, ts: String, model: String, quality: [String], fuel: Double)] {
        try await pipeline.readAll(pipeline.topics.predictions).map { record in
            let json = try #require(try JSONSerialization.jsonObject(with: Data(record.value ?? [])) as? [String: Any])
            let model = try #require(json["model"] as? [String: Any]), targets = try #require(json["targets"] as? [String: Any])
            return (json["vessel_id"] as! String, json["ts"] as! String, model["name"] as! String, json["quality"] as? [String] ?? [],
                    (targets["fuel_rate_tph"] as! NSNumber).doubleValue)
        }
    }

    static func records(_ minutes: Range<Int>) -> [FleetSimulator.Record] {
        minutes.flatMap { minute in (1...4).map { PipelineFixture.report("tk-\($0)", minutes: minute * 5) } }
    }

    @Test("a failing batch model: its type is served by the baseline, flagged fallback_model, ModelServiceDown fires and resolves, nothing is lost")
    func fallbackWhileDown() async throws {
        let pipeline = try await PipelineFixture.make("fallback", partitions: 2)
        let model = SwitchableModel()
        let models = ServingModels()
        models.replace(served: [.tanker: .batched(model, baseline: PhysicsBaseline(type: .tanker))])
        let health = ProcessorHealth(modelCalls: ModelCallLog(downAfter: .zero))
        let processor = Processor(configuration: pipeline.configuration, models: models, health: health)
        let group = ServiceGroup(configuration: .init(services: [processor], logger: .init(label: "test")))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            try await pipeline.produce(Self.records(0..<10))
            try await pipeline.waitUntilCommitted()
            #expect(health.modelCalls.degraded.isEmpty)
            model.down.store(true, ordering: .releasing)
            try await pipeline.produce(Self.records(10..<20))
            try await pipeline.waitUntilCommitted()
            #expect(health.modelCalls.degraded.first?.contains("connection refused") == true, "\(health.modelCalls.degraded)")
            model.down.store(false, ordering: .releasing)
            try await pipeline.produce(Self.records(20..<30))
            try await pipeline.waitUntilCommitted()
            #expect(health.modelCalls.degraded.isEmpty)
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        let seen = try await Self.predictions(pipeline)
        #expect(seen.count == 120, "one prediction per report")
        let byReport = Dictionary(seen.map { ("\($0.id)@\($0.ts)", $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byReport.count == 120)
        for (phase, minutes) in [("up", 0..<10), ("down", 10..<20), ("up again", 20..<30)] {
            for record in Self.records(minutes) {
                let report = try #require(record.telemetry)
                let prediction = try #require(byReport["\(report.vesselID)@\(report.eventTime)"])
                if phase == "down" {
                    #expect(prediction.model == "tanker-physics-baseline" && prediction.quality.contains("fallback_model"), "\(prediction)")
                } else {
                    #expect(prediction.model == "tanker-switchable" && !prediction.quality.contains("fallback_model"), "\(phase): \(prediction)")
                    let row = [Float(report[.speedThroughWater]!), Float(report[.draft]!)]
                    #expect(abs(prediction.fuel - SwitchableModel.answer(row[...])[.fuelRate]!) < 1e-5, "records carry 5 decimals")
                }
            }
        }
        let alerts = try await pipeline.readAll(pipeline.topics.alerts).compactMap { record -> [String: Any]? in
            try? JSONSerialization.jsonObject(with: Data(record.value ?? [])) as? [String: Any]
        }.filter { ($0["labels"] as? [String: Any])?["alertname"] as? String == "ModelServiceDown" }
        #expect(alerts.map { $0["status"] as? String } == ["firing", "resolved"], "\(alerts)")
        #expect((alerts.first?["labels"] as? [String: Any])?["model"] as? String == "tanker-switchable")
        #expect(model.calls.load(ordering: .relaxed) < 120, "asked once per poll batch, not once per report")
    }

    /// Reports with fuel and power measured (so the drift watch runs), 5 minutes apart.
    static func measured(_ minutes: Range<Int>) -> [FleetSimulator.Record] {
        records(minutes).map { record in
            var report = record.telemetry!
            report[.fuelRate] = 1.2 + Double(report.eventTime.microseconds / 60_000_000 % 7) / 20
            report[.shaftPower] = 8_000
            report[.daysSinceHullCleaning] = 100
            return FleetSimulator.Record(key: record.key, value: report.json, intendedRejection: nil, telemetry: report)
        }
    }

    @Test("the same input through a batch model gives byte-identical predictions, features and alerts, whatever the poll batch size")
    func batchBoundariesDoNotMatter() async throws {
        var outputs: [[[UInt8]]] = []
        for pollBatch in [3, 1_000] {
            let pipeline = try await PipelineFixture.make("boundaries", partitions: 1)
            let models = ServingModels()
            models.replace(served: [.tanker: .batched(SwitchableModel(), baseline: PhysicsBaseline(type: .tanker))])
            var configuration = pipeline.configuration
            configuration.pollBatch = pollBatch
            try await pipeline.produce(Self.measured(0..<300))
            let processor = Processor(configuration: configuration, models: models)
            let group = ServiceGroup(configuration: .init(services: [processor], logger: .init(label: "test")))
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                try await pipeline.waitUntilCommitted()
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
            var written: [[UInt8]] = []
            for topic in [pipeline.topics.predictions, pipeline.topics.features, pipeline.topics.alerts] {
                written += try await pipeline.readAll(topic).map { ($0.key ?? []) + [0] + ($0.value ?? []) }
            }
            outputs.append(written)
        }
        #expect(outputs[0].count > 1_200, "1,200 predictions, feature records and alerts")
        let difference = outputs[0].indices.first { $0 >= outputs[1].count || outputs[0][$0] != outputs[1][$0] }
        #expect(outputs[0].count == outputs[1].count && difference == nil,
                "the same records in the same order, byte for byte; first difference at record \(difference ?? -1): \(difference.map { String(decoding: outputs[0][$0], as: UTF8.self) } ?? "")")
    }
}
