import Kafka
import KafkaTestSupport
import LeewayCore
import LeewayModels
import LeewayTopics
import LeewayTraining
import Testing

/// Reviewers deciding on the same vessel type at the same moment (several cache instances,
/// or the CLI beside one) each keep their decision: the registry's read-modify-write does
/// not lose one to another.
@Suite("Model registry under concurrent decisions", .timeLimit(.minutes(3)))
struct RegistryConcurrencyTests {
    @Test("five reviewers rejecting five versions of one type at once: all five decisions are in the registry")
    func concurrentDecisionsAreKept() async throws {
        let pipeline = try await PipelineFixture.make("registry-race", partitions: 1)
        let registry = ModelRegistry(client: KafkaClientConfiguration(bootstrapServers: TestBroker.servers), topic: pipeline.topics.models)
        let artifact = try TrainingSimulation.tankerArtifact()
        try await registry.update(.tanker) { record in
            for minute in 0..<5 { _ = try record.register(artifact, at: "2026-11-29T12:0\(minute):00Z") }
        }

        try await withThrowingTaskGroup(of: Void.self) { group in
            for version in 1...5 {
                group.addTask {
                    try await registry.update(.tanker) { record in
                        try record.reject(version, by: "reviewer-\(version)", at: "2026-11-30T09:00:00Z", reason: "race \(version)")
                    }
                }
            }
            try await group.waitForAll()
        }

        let record = try #require(try await registry.records()[.tanker])
        #expect(record.versions.map(\.status) == Array(repeating: .rejected, count: 5), "\(record.versions.map(\.status))")
        let rejections = record.decisions.filter { $0.status == .rejected && $0.by.hasPrefix("reviewer-") }
        #expect(Set(rejections.map(\.by)) == Set((1...5).map { "reviewer-\($0)" }), "decisions kept: \(rejections.map(\.by))")
        #expect(rejections.count == 5, "each decision once")
    }
}
