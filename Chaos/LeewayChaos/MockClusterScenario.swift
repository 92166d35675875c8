import Foundation
import KafkaTestSupport

/// Faults a single dev broker cannot stage, on librdkafka's mock cluster of three brokers:
/// partition leaders moving under load, produce, fetch and offset-commit requests failing
/// with retriable errors or a dropped connection, and the group coordinator's broker down
/// past the session timeout (so the processor rejoins and restores its state while leaders
/// move). The processor must ride them out and lose nothing.
struct MockClusterScenario {
    let options: ChaosOptions

    func run() async throws -> ChaosRow {
        let records = simulatedFleet(vessels: 500, records: options.mockRecords, seed: 29)
        let expected = try await undisturbedRun(records, name: "mock-reference", options: options)

        let mock = try MockCluster(brokers: 3)
        let pipeline = try await ChaosPipeline.make("mock", brokers: mock.bootstrapServers, mock: mock)
        // The broker that goes down coordinates the group: the processor's session (6 s) runs
        // out, it rejoins and restores its state while leaders are still moving.
        mock.setGroupCoordinator(pipeline.group, broker: 2)
        let processor = try LeewayProcess(binary: options.leeway, arguments: options.processor(pipeline) + ["--log-level", "info"],
                                          log: "mock")
        try await processor.waitForLog("state restored")
        let rate = Double(records.count) / 30
        let stream = Task { try await pipeline.produce(records, to: pipeline.topics.telemetry, rate: rate) }
        var injected = 0, moves = 0
        for round in 0..<8 {
            try await Task.sleep(for: .seconds(3))
            for topic in pipeline.topics.all where topic != pipeline.topics.models {
                for partition in 0..<pipeline.partitions {
                    mock.moveLeader(topic, partition: partition, to: (partition + round) % mock.brokers + 1)
                    moves += 1
                }
            }
            let errors = Self.faults[round % Self.faults.count]
            mock.fail(errors.request, with: errors.failures)
            injected += errors.failures.count
        }
        mock.setBroker(2, up: false)
        try await Task.sleep(for: .seconds(8))
        mock.setBroker(2, up: true)
        let upAt = ContinuousClock.now
        try await stream.value
        try await pipeline.waitUntilCommitted(timeout: .seconds(300), watching: processor)
        let settled = (ContinuousClock.now - upAt).seconds
        let status = await processor.stop()
        let restores = processor.log.components(separatedBy: "state restored").count - 1

        let tally = try await pipeline.tallyPredictions(against: expected)
        return ChaosRow(scenario: "mock cluster (3 brokers): leaders moved, requests failed, the coordinator's broker down 8 s", recordsIn: records.count,
                        recordsOut: tally.distinct, lost: tally.lost, duplicated: tally.duplicated,
                        recovery: String(format: "all committed %.1f s after the broker came back", settled),
                        note: "\(moves) leader moves, \(injected) injected errors (produce/fetch NOT_LEADER, "
                            + "commit COORDINATOR_NOT_AVAILABLE/NOT_COORDINATOR/REQUEST_TIMED_OUT, dropped connections); "
                            + "state restored \(restores)× (the first assignment, then each rejoin); exit \(status); "
                            + tally.verdict,
                        broken: status != 0)
    }

    /// The errors injected each round, in turn.
    static let faults: [(request: MockCluster.Request, failures: [MockCluster.Failure])] = [
        (.produce, Array(repeating: .notLeader, count: 10)),
        (.fetch, Array(repeating: .notLeader, count: 10)),
        (.offsetCommit, [.coordinatorNotAvailable, .notCoordinator, .requestTimedOut]),
        (.produce, Array(repeating: .requestTimedOut, count: 5) + Array(repeating: .droppedConnection, count: 3)),
    ]
}
