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
}
