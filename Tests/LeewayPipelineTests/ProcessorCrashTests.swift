import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Kafka
import KafkaTestSupport
import LeewayCore
import LeewayPipeline
import Testing

/// Crashes of real `leeway` processes against the real broker. Each test compares its
/// outcome with an undisturbed in-process run over the same records.
@Suite("Processor crash recovery", .timeLimit(.minutes(5)))
struct ProcessorCrashTests {
    static let fleet = FleetRecords(vessels: 40, count: 24_000, seed: 23)

    /// The undisturbed run's predictions (as a set of values) and final states.
    static func reference() async throws -> (predictions: Set<[UInt8]>, states: [String: [UInt8]?]) {
        let pipeline = try await PipelineFixture.make("reference")
        try await pipeline.produce(fleet.records)
        try await ProcessorRun.inProcess(pipeline) { try await pipeline.waitUntilCommitted() }
        let predictions = try await pipeline.readAll(pipeline.topics.predictions).compactMap(\.value)
        #expect(Set(predictions).count == predictions.count, "an undisturbed run repeats nothing")
        return (Set(predictions), try await pipeline.latestStates())
    }

    @Test("two processors, one SIGKILLed mid-stream: the survivor restores its partitions; final state equals a single run")
    func survivorTakesOver() async throws {
        let reference = try await Self.reference()
        let pipeline = try await PipelineFixture.make("survivor")
        let first = try ProcessorProcess(pipeline, name: "first")
        let second = try ProcessorProcess(pipeline, name: "second")
        try await first.waitUntilAssigned()
        try await second.waitUntilAssigned()
        var killedAt: Int64?
        try await pipeline.produce(Self.fleet.records, rate: 4_000) { index in
            guard killedAt == nil, index >= Self.fleet.records.count / 2 else { return }
            killedAt = (try? await pipeline.committedCount()) ?? -1
            second.kill()
        }
        #expect((killedAt ?? 0) > 0, "the kill happens after some input was committed")
        try await pipeline.waitUntilCommitted()
        #expect(await first.stop() == 0)
        #expect(first.log.contains("state restored"))

        let predictions = try await pipeline.readAll(pipeline.topics.predictions).compactMap(\.value)
        #expect(Set(predictions) == reference.predictions, "after deduplication the predictions equal the undisturbed run's")
        let states = try await pipeline.latestStates()
        #expect(states.count == reference.states.count)
        #expect(states.filter { reference.states[$0.key] != $0.value }.map(\.key).sorted() == [],
                "every vessel's final state equals the single-processor run's, byte for byte")
    }

    @Test("a running processor counts late, duplicate, rejected and predicted reports at GET /metrics")
    func metricsEndpoint() async throws {
        let fleet = FleetRecords(vessels: 30, count: 12_000, seed: 11)
        let pipeline = try await PipelineFixture.make("metrics")
        // Stale after 45 min of silence, so this traffic's satellite gaps raise alerts.
        let processor = try ProcessorProcess(pipeline, name: "metrics", arguments: ["--stale-after", "2700"])
        let port = try await processor.metricsPort()
        try await processor.waitUntilAssigned()
        try await pipeline.produce(fleet.records)
        try await pipeline.waitUntilCommitted()
        let text = try await Self.get("http://127.0.0.1:\(port)/metrics")
        func value(_ series: String) -> Int? {
            text.split(separator: "\n").first { $0.hasPrefix(series + " ") }.flatMap { Int(Double($0.split(separator: " ").last!)!) }
        }
        #expect(value(#"leeway_reports_total{outcome="late"}"#) == fleet.late)
        #expect(value(#"leeway_reports_total{outcome="duplicate"}"#) == fleet.duplicates)
        #expect(value(#"leeway_reports_total{outcome="rejected"}"#) == fleet.bad)
        #expect(value("leeway_predictions_total") == fleet.predicted.count)
        #expect(value("leeway_vessels") == 30)
        // Each prediction's latency from its report's Kafka timestamp (here the report's event
        // time, days ago) is observed once, in the processor's buckets.
        #expect(value("leeway_processing_latency_seconds_count") == fleet.predicted.count)
        #expect(value(#"leeway_processing_latency_seconds_bucket{le="0.005"}"#) == 0)
        #expect(value(#"leeway_processing_latency_seconds_bucket{le="+Inf"}"#) == fleet.predicted.count)
        // The satellite gaps raise StaleTelemetry alerts: each firing one has its own series
        // (removed once resolved), and the total gauge matches them.
        let series = text.split(separator: "\n").filter { $0.hasPrefix("leeway_alert{") }
        #expect(!series.isEmpty)
        #expect(series.allSatisfy { $0.contains(#"alertname="StaleTelemetry""#) })
        #expect(series.allSatisfy { $0.hasSuffix(" 1") || $0.hasSuffix(" 1.0") }, "a resolved alert's series is removed")
        #expect(series.allSatisfy { $0.contains(#"alertname=""#) && $0.contains(#"vessel_id=""#) })
        #expect(value("leeway_drift_alerts_firing") == series.count)
        #expect(try await Self.get("http://127.0.0.1:\(port)/healthz") == #"{"status":"ok"}"#)
        #expect(await processor.stop() == 0)
    }

    static func get(_ url: String) async throws -> String {
        let (data, response) = try await URLSession.shared.data(from: URL(string: url)!)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        return String(decoding: data, as: UTF8.self)
    }

    @Test("kill -9 and restart, twice: no input lost, nothing invented")
    func killAndRestart() async throws {
        let reference = try await Self.reference()
        let pipeline = try await PipelineFixture.make("restart")
        var processor = try ProcessorProcess(pipeline, name: "run-0")
        try await processor.waitUntilAssigned()
        var restarts = 0
        try await pipeline.produce(Self.fleet.records, rate: 4_000) { index in
            guard restarts < 2, index >= Self.fleet.records.count * (restarts + 1) / 3 else { return }
            processor.kill()
            restarts += 1
            processor = (try? ProcessorProcess(pipeline, name: "run-\(restarts)")) ?? processor
        }
        try await pipeline.waitUntilCommitted()
        #expect(await processor.stop() == 0)
        #expect(restarts == 2)
        let predictions = try await pipeline.readAll(pipeline.topics.predictions).compactMap(\.value)
        #expect(Set(predictions) == reference.predictions)
        let states = try await pipeline.latestStates()
        #expect(states.filter { reference.states[$0.key] != $0.value }.map(\.key).sorted() == [])
    }
}
