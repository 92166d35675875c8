import Foundation
import Kafka
import KafkaTestSupport
import LeewayCore
import LeewayPipeline
import LeewaySimulator
import Testing

/// Faults a single dev broker cannot stage, on librdkafka's mock cluster.
@Suite("Processor on a mock cluster with injected faults", .timeLimit(.minutes(3)))
struct MockClusterFaultTests {
    @Test("retriable offset-commit errors and moving partition leaders do not stop the processor; every report predicted once")
    func ridesOutCommitErrorsAndLeaderMoves() async throws {
        let mock = try MockCluster(brokers: 3)
        let pipeline = try await PipelineFixture.make("mockfault", partitions: 3, on: mock)
        let reports = (0..<300).map { PipelineFixture.report("IMO\($0 % 30)", minutes: $0) }
        var configuration = pipeline.configuration
        configuration.commitInterval = .milliseconds(50)
        try await pipeline.produce(Array(reports.prefix(100)))
        try await ProcessorRun.inProcess(pipeline, configuration: configuration) {
            // Every commit fails for a while (Kafka marks these errors retriable).
            mock.fail(.offsetCommit, with: [.requestTimedOut, .coordinatorNotAvailable, .notCoordinator, .requestTimedOut,
                                            .requestTimedOut, .requestTimedOut])
            try await pipeline.waitUntilCommitted(timeout: .seconds(60))
            for partition in 0..<3 {
                for topic in [pipeline.topics.telemetry, pipeline.topics.predictions, pipeline.topics.state] {
                    mock.moveLeader(topic, partition: partition, to: partition % 3 + 2 > 3 ? 1 : partition % 3 + 2)
                }
            }
            mock.fail(.produce, with: Array(repeating: .notLeader, count: 5) + [.droppedConnection])
            try await pipeline.produce(Array(reports.dropFirst(100)))
            try await pipeline.waitUntilCommitted(timeout: .seconds(60))
        }
        let predictions = try await pipeline.readAll(pipeline.topics.predictions)
        let distinct = Set(predictions.compactMap(\.value))
        #expect(distinct.count == 300, "every report predicted")
        #expect(predictions.count == 300, "and once: the idempotent producer absorbed the produce errors")
    }

    @Test("records keep being processed while a commit waits for its changelog: predictions of later reports appear before the commit lands")
    func predictionsFlowWhileACommitWaits() async throws {
        let mock = try MockCluster(brokers: 2)
        let pipeline = try await PipelineFixture.make("slowstate", partitions: 2, on: mock)
        for partition in 0..<2 {
            for topic in [pipeline.topics.telemetry, pipeline.topics.predictions, pipeline.topics.features, pipeline.topics.alerts,
                          pipeline.topics.deadLetters] {
                mock.moveLeader(topic, partition: partition, to: 1)
            }
            mock.moveLeader(pipeline.topics.state, partition: partition, to: 2)
        }
        mock.setGroupCoordinator(pipeline.group, broker: 1)
        var configuration = pipeline.configuration
        configuration.commitInterval = .milliseconds(100)
        let reports = (0..<44).map { PipelineFixture.report("IMO\($0 % 4)", minutes: $0) }
        let (first, early, later) = (Array(reports[0..<4]), Array(reports[4..<24]), Array(reports[24...]))
        try await pipeline.produce(first)
        var committedWhenSeen: Int64 = -1
        try await ProcessorRun.inProcess(pipeline, configuration: configuration) {
            try await pipeline.waitUntilCommitted(timeout: .seconds(60))
            // The changelog's broker goes down: no state record can be acknowledged from now on.
            mock.setBroker(2, up: false)
            try await pipeline.produce(early)
            try await pipeline.waitForPredictions(first.count + early.count, timeout: .seconds(60))
            try await Task.sleep(for: .milliseconds(500))      // commit points taken, their changelog waiting
            try await pipeline.produce(later)
            try await pipeline.waitForPredictions(reports.count, timeout: .seconds(60))
            committedWhenSeen = try await pipeline.committedCount()
            mock.setBroker(2, up: true)
            try await pipeline.waitUntilCommitted(timeout: .seconds(90))
        }
        #expect(committedWhenSeen < Int64(first.count + early.count),
                "the later reports were predicted while the early ones' commit waited for the changelog")
        #expect(try await pipeline.readAll(pipeline.topics.predictions).count == reports.count, "every report predicted once")
        let states = try await pipeline.latestStates()
        #expect(states.count == 4, "every vessel's state reached the changelog before its offsets were committed")
    }
}
