import Foundation
import LeewayTopics
import Kafka
import LeewayCore
import LeewayModels
import LeewayPipeline
import LeewaySimulator
import LeewayTraining

/// Bad model artifacts reach the registry topic behind the review rules' back (approved
/// there by hand): one altered after hashing, one that failed its physics checks. A running
/// processor must refuse both and keep serving the version it had.
struct ModelScenario {
    let options: ChaosOptions

    func run() async throws -> ChaosRow {
        let pipeline = try await ChaosPipeline.make("model", brokers: options.brokers, partitions: 2)
        let registry = ModelRegistry(client: pipeline.client, topic: pipeline.topics.models)
        var history = FleetSimulator.Configuration()
        history.vessels = 12
        history.seed = 5
        history.intervalSeconds = 600
        var fleet = FleetSimulator(history)
        let reports = (0..<(12 * 14 * 144)).compactMap { _ in fleet.next().telemetry }
        let good = try Trainer(type: .tanker).train(TrainingSet(reports, type: .tanker, assumedDraft: 15), source: "chaos",
                                                    createdAt: "2026-11-29T12:00:00Z").artifact
        try await registry.update(.tanker) { record in
            let version = try record.register(good, at: "2026-11-29T12:00:00Z")
            try record.approve(version, by: "chaos", at: "2026-11-29T12:01:00Z", notes: nil)
        }
        let arguments = options.processor(pipeline) + ["--models-refresh", "1", "--log-level", "info"]
        let processor = try LeewayProcess(binary: options.leeway, arguments: arguments, log: "model")
        try await processor.waitForLog("serving a new model")
        let telemetry = simulatedFleet(vessels: 60, records: 6_000, seed: 3)
        try await pipeline.produce(Array(telemetry.prefix(3_000)), to: pipeline.topics.telemetry)
        try await pipeline.waitUntilCommitted(watching: processor)

        // v2: altered after hashing. v3: failed checks (wrong-signed speed term), hash intact.
        var record = try await registry.records()[.tanker] ?? RegistryRecord(vesselType: .tanker)
        var altered = good
        altered.version = 2
        altered.status = .approved
        altered.contentHash = altered.computedContentHash
        altered.targets[0].coefficients[0] *= 1.5
        var failing = good
        failing.version = 3
        failing.status = .approved
        failing.targets[0].coefficients = failing.targets[0].coefficients.map { -$0 }
        failing.contentHash = failing.computedContentHash
        failing.checks = PhysicsChecks(type: .tanker).run(try failing.servingModel(), metrics: failing.metrics)
        failing.contentHash = failing.computedContentHash
        let failed = failing.checks.filter { !$0.passed }.map(\.name)
        for bad in [altered, failing] {
            for index in record.versions.indices where record.versions[index].status == .approved { record.versions[index].status = .retired }
            record.versions.append(bad)
            try await registry.write(record)
            try await processor.waitForLog("approved model cannot be served", count: bad.version - 1)
        }
        try await pipeline.produce(Array(telemetry.dropFirst(3_000)), to: pipeline.topics.telemetry)
        try await pipeline.waitUntilCommitted(watching: processor)
        let alive = processor.process.isRunning
        let status = await processor.stop()

        let versions = VersionTally()
        let predictions = try await pipeline.read(pipeline.topics.predictions) { versions.add($0) }
        let wrong = versions.tankerVersions.filter { $0.key != "1" }.values.reduce(0, +)
        return ChaosRow(scenario: "approved artifacts that are altered (hash) or failed their checks", recordsIn: telemetry.count,
                        recordsOut: predictions, lost: telemetry.count - predictions, duplicated: 0,
                        recovery: "none needed",
                        note: "both refused (failed: \(failed.joined(separator: ", "))); tanker predictions by model version: "
                            + versions.tankerVersions.sorted { $0.key < $1.key }.map { "v\($0.key) \($0.value)" }.joined(separator: ", "),
                        // Served only by the model that passed; ran and stopped cleanly.
                        broken: wrong > 0 || !(alive && status == 0))
    }
}

/// Tanker predictions counted by their `leeway.model.version` header.
final class VersionTally: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var tankerVersions: [String: Int] = [:]

    func add(_ records: [ConsumerRecord]) {
        lock.lock()
        defer { lock.unlock() }
        for record in records where record.value.map({ String(decoding: $0, as: UTF8.self).contains(#""vessel_type":"tanker""#) }) == true {
            let version = record.headers.first { $0.name == "leeway.model.version" }?.value.map { String(decoding: $0, as: UTF8.self) } ?? "?"
            tankerVersions[version, default: 0] += 1
        }
    }
}
