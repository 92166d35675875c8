import Foundation
import LeewayCore

/// A second processor joins the group under load, then leaves: partitions move twice, each
/// time with their state restored from the changelog; nothing may be lost.
struct ScaleScenario {
    let options: ChaosOptions

    func run() async throws -> ChaosRow {
        let records = simulatedFleet(vessels: 1_000, records: options.scaleRecords, seed: 19)
        let expected = try await undisturbedRun(records, name: "scale-reference", options: options)

        let pipeline = try await ChaosPipeline.make("scale", brokers: options.brokers)
        let arguments = options.processor(pipeline) + ["--log-level", "info"]
        let first = try LeewayProcess(binary: options.leeway, arguments: arguments, log: "scale-first")
        let rate = Double(records.count) / 60
        let stream = Task { try await pipeline.produce(records, to: pipeline.topics.telemetry, rate: rate) }
        try await Task.sleep(for: .seconds(15))
        let joinedAt = ContinuousClock.now
        let second = try LeewayProcess(binary: options.leeway, arguments: arguments, log: "scale-second")
        try await second.waitForLog("state restored")
        let joined = (ContinuousClock.now - joinedAt).seconds
        try await Task.sleep(for: .seconds(15))
        let leftAt = ContinuousClock.now
        let secondStatus = await second.stop()
        try await first.waitForLog("state restored", count: 3)
        let left = (ContinuousClock.now - leftAt).seconds
        try await stream.value
        try await pipeline.waitUntilCommitted(watching: first)
        let firstStatus = await first.stop()

        let tally = try await pipeline.tallyPredictions(against: expected)
        return ChaosRow(scenario: "a second processor joins under load, then leaves", recordsIn: records.count,
                        recordsOut: tally.distinct, lost: tally.lost,
                        duplicated: tally.duplicated,
                        recovery: String(format: "join %.1f s, leave %.1f s (to state restored)", joined, left),
                        note: "exits \(firstStatus)/\(secondStatus); " + tally.verdict,
                        broken: !(firstStatus == 0 && secondStatus == 0))
    }
}
