import Kafka
import KafkaTestSupport
import LeewayCore
import LeewayModels
import LeewayTopics
import LeewayTraining
import ServiceLifecycle
import Testing

/// One long-lived reader of the registry topic: it catches up, then hands each committed
/// decision on as it lands, with no new client per read.
@Suite("Model registry follower", .timeLimit(.minutes(2)))
struct RegistryFollowerTests {
    @Test("catches up with what was registered, then signals each decision as it lands; the stream ends at shutdown")
    func followsDecisions() async throws {
        let pipeline = try await PipelineFixture.make("registry-follow", partitions: 1)
        let registry = ModelRegistry(client: KafkaClientConfiguration(bootstrapServers: TestBroker.servers), topic: pipeline.topics.models)
        let artifact = try TrainingSimulation.tankerArtifact()
        try await registry.update(.tanker) { record in _ = try record.register(artifact, at: "2026-11-29T12:00:00Z") }

        let follower = RegistryFollower(registry: registry, retryDelay: .milliseconds(200))
        let group = ServiceGroup(services: [follower], logger: .init(label: "test"))
        let running = Task { try await group.run() }
        var changes = follower.changes().makeAsyncIterator()
        _ = await changes.next()
        #expect(follower.isCaughtUp)
        #expect(follower.records[.tanker]?.versions.map(\.status) == [.pending])

        try await registry.update(.tanker) { record in try record.approve(1, by: "ana", at: "2026-11-29T12:05:00Z", notes: nil) }
        let deadline = ContinuousClock.now.advanced(by: .seconds(30))
        while follower.records[.tanker]?.serving?.version != 1, ContinuousClock.now < deadline { _ = await changes.next() }
        #expect(follower.records[.tanker]?.serving?.version == 1, "the approval arrived through the follower")

        await group.triggerGracefulShutdown()
        try await running.value
        var ended = false
        for _ in 0..<3 where !ended { ended = await changes.next() == nil }
        #expect(ended, "the stream ends when the follower stops")
    }
}
