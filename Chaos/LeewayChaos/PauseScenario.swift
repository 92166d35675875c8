import Foundation
import LeewayCore

/// The broker frozen (SIGSTOP) for a while mid-stream, then thawed (SIGCONT): the processor
/// must keep running, resume by itself and lose nothing.
struct PauseScenario {
    let options: ChaosOptions

    func run() async throws -> ChaosRow {
        guard let brokerPID = options.brokerPID else {
            throw ChaosError("the pause scenario needs the broker's pid: --broker-pid, or .run/broker.pid from scripts/broker.sh")
        }
        let records = simulatedFleet(vessels: 500, records: options.pauseRecords, seed: 11)
        let expected = try await undisturbedRun(records, name: "pause-reference", options: options)

        let pipeline = try await ChaosPipeline.make("pause", brokers: options.brokers)
        let arguments = options.processor(pipeline).map { $0 == "off" ? "127.0.0.1:0" : $0 == "notice" ? "info" : $0 }
        let processor = try LeewayProcess(binary: options.leeway, arguments: arguments, log: "pause")
        try await processor.waitForLog("serving HTTP")
        let health = try processor.httpBase().appendingPathComponent("healthz")
        // The input streams at a steady rate; the broker freezes a third of the way in.
        let rate = Double(options.pauseRecords) / 30
        let stream = Task { try await pipeline.produce(records, to: pipeline.topics.telemetry, rate: rate) }
        try await Task.sleep(for: .seconds(10))
        let before = try await pipeline.committed()
        kill(brokerPID, SIGSTOP)
        let frozenAt = ContinuousClock.now
        // /healthz while frozen: when (if ever) does the processor say it is stuck?
        var unhealthyAfter: Double?
        while ContinuousClock.now < frozenAt.advanced(by: options.pause) {
            if unhealthyAfter == nil, await LeewayProcess.status(health) == 503 { unhealthyAfter = (ContinuousClock.now - frozenAt).seconds }
            try await Task.sleep(for: .milliseconds(500))
        }
        let aliveDuringPause = processor.process.isRunning
        kill(brokerPID, SIGCONT)
        let thawedAt = ContinuousClock.now
        var resumed: Double?
        while resumed == nil, ContinuousClock.now < thawedAt.advanced(by: .seconds(300)) {
            if let committed = try? await pipeline.committed(), committed > before { resumed = (ContinuousClock.now - thawedAt).seconds }
            try await Task.sleep(for: .milliseconds(100))
        }
        try await stream.value
        var healthyAgain: Double?
        while healthyAgain == nil, ContinuousClock.now < thawedAt.advanced(by: .seconds(120)) {
            if await LeewayProcess.status(health) == 200 { healthyAgain = (ContinuousClock.now - thawedAt).seconds }
            try await Task.sleep(for: .milliseconds(200))
        }
        try await pipeline.waitUntilCommitted(watching: processor)
        let alive = processor.process.isRunning
        let status = await processor.stop()

        let tally = try await pipeline.tallyPredictions(against: expected)
        let frozen = (thawedAt - frozenAt).seconds
        return ChaosRow(scenario: "broker paused \(String(format: "%.0f", frozen)) s (SIGSTOP/SIGCONT) mid-stream", recordsIn: records.count,
                        recordsOut: tally.distinct, lost: tally.lost,
                        duplicated: tally.duplicated,
                        recovery: resumed.map { String(format: "%.1f s after SIGCONT", $0) } ?? "did not resume",
                        note: "\(aliveDuringPause && alive ? "kept running" : "processor died"), exit \(status); "
                            + "/healthz 503 after \(unhealthyAfter.map { String(format: "%.0f s", $0) } ?? "never") of the freeze, "
                            + "200 again \(healthyAgain.map { String(format: "%.0f s", $0) } ?? "never") after the thaw; "
                            + tally.verdict,
                        // Kept running, said it was unhealthy while it waited, and healthy again after.
                        broken: !(aliveDuringPause && alive && status == 0 && unhealthyAfter != nil && healthyAgain != nil))
    }
}
