import Foundation
import LeewayCore
import Kafka

/// kill -9 of a processor, again and again, during one run: afterwards, with duplicates
/// removed, the predictions must equal an undisturbed run's over the same input.
struct KillScenario {
    let options: ChaosOptions

    func run() async throws -> ChaosRow {
        let records = simulatedFleet(vessels: 1_000, records: options.records, seed: 42)
        let expected = try await undisturbedRun(records, name: "undisturbed", options: options)
        let disturbed = try await ChaosPipeline.make("kill", brokers: options.brokers)
        try await disturbed.produce(records, to: disturbed.topics.telemetry)

        let end = Int64(records.count)
        var processor = try LeewayProcess(binary: options.leeway, arguments: options.processor(disturbed), log: "kill-0")
        var recoveries: [Double] = []
        for kill in 1...options.kills {
            let target = end * Int64(kill) / Int64(options.kills + 1)
            let deadline = ContinuousClock.now.advanced(by: .seconds(300))
            while try await disturbed.committed() < target {
                guard ContinuousClock.now < deadline else { throw ChaosError("no progress to \(target) before kill \(kill)") }
                try await Task.sleep(for: .milliseconds(50))
            }
            processor.kill()
            let killedAt = ContinuousClock.now, committed = try await disturbed.committed()
            processor = try LeewayProcess(binary: options.leeway, arguments: options.processor(disturbed), log: "kill-\(kill)")
            while try await disturbed.committed() <= committed, committed < end {
                guard ContinuousClock.now < killedAt.advanced(by: .seconds(300)) else { throw ChaosError("no recovery after kill \(kill)") }
                try await Task.sleep(for: .milliseconds(50))
            }
            recoveries.append((ContinuousClock.now - killedAt).seconds)
            say("  kill \(kill)/\(options.kills) at \(committed) committed; progress again after \(String(format: "%.1f", recoveries.last ?? 0)) s")
        }
        try await disturbed.waitUntilCommitted(watching: processor)
        _ = await processor.stop()

        let tally = try await disturbed.tallyPredictions(against: expected)
        let sorted = recoveries.sorted()
        return ChaosRow(scenario: "kill -9 a processor \(options.kills)× (restarted each time)", recordsIn: records.count,
                        recordsOut: tally.distinct, lost: tally.lost, duplicated: tally.duplicated,
                        recovery: "median \(String(format: "%.1f", sorted[sorted.count / 2])) s, max \(String(format: "%.1f", sorted.last ?? 0)) s",
                        note: "deduplicated: " + tally.verdict + " (\(expected.values.count))")
    }
}

/// Distinct record values, filled from reader batches.
final class ValueSet: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values = Set<[UInt8]>()

    func add(_ records: [ConsumerRecord]) {
        lock.lock()
        defer { lock.unlock() }
        for record in records { if let value = record.value { values.insert(value) } }
    }
}

