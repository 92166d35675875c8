import Foundation
import Kafka
import KafkaTestSupport
import Testing

@Suite("Topics are created as declared, idempotently", .timeLimit(.minutes(3)))
struct TopicApplyTests {
    @Test("applying twice creates once, then finds every topic as declared")
    func idempotentApply() async throws {
        let suffix = UUID().uuidString.prefix(8)
        let declared = try TopicCatalog(directory: TopicPlanTests.repoTopics).topics.map { spec in
            var copy = spec
            copy.name = "\(spec.name)-\(suffix)"
            return copy
        }
        let admin = try KafkaAdmin(configuration: KafkaClientConfiguration(bootstrapServers: TestBroker.servers))
        defer { admin.close() }

        let first = TopicPlan(declared: declared, existing: try await admin.describeTopics(declared.map(\.name)))
        #expect(first.creations.count == declared.count)
        let results = try await admin.createTopics(first.creations)
        #expect(results.values.allSatisfy { $0 == nil }, "\(results)")

        let existing = try await admin.describeTopics(declared.map(\.name))
        #expect(existing.map(\.partitions) == declared.map(\.partitions))
        #expect(existing.allSatisfy { $0.configs != nil }, "the broker described every topic's configs")
        let second = TopicPlan(declared: declared, existing: existing)
        #expect(second.creations.isEmpty)
        #expect(second.steps == declared.map { .upToDate($0.name) })

        let again = try await admin.createTopics([declared[0]])
        #expect(again[declared[0].name]??.code == .topicAlreadyExists)
    }
}
