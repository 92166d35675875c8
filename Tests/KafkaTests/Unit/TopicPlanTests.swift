import Foundation
import Kafka
import Testing

@Suite("Topic declarations and the apply plan")
struct TopicPlanTests {
    static let repoTopics = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("topics")

    @Test("the repository declares the seven topics of the architecture, each with a schema")
    func repositoryCatalog() throws {
        let catalog = try TopicCatalog(directory: Self.repoTopics)
        #expect(catalog.topics.map(\.name) == [
            "fleet.drift-alerts.v1", "fleet.features.v1", "fleet.predictions.v1", "fleet.telemetry.dlq.v1",
            "fleet.telemetry.v1", "leeway.models.v1", "leeway.state.v1",
        ])
        #expect(catalog.topics.allSatisfy { $0.valueSchema != nil && $0.configs["cleanup.policy"] != nil })
        let byName = Dictionary(uniqueKeysWithValues: catalog.topics.map { ($0.name, $0) })
        #expect(byName["leeway.state.v1"]?.partitions == byName["fleet.telemetry.v1"]?.partitions,
                "state is co-partitioned with telemetry")
        #expect(byName["fleet.features.v1"]?.configs["cleanup.policy"] == "compact")
    }

    @Test("a declaration whose file name disagrees with its topic name is refused")
    func misnamedDeclaration() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("topics-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(#"{"name":"a.v1","partitions":1,"configs":{}}"#.utf8).write(to: dir.appendingPathComponent("b.v1.json"))
        #expect {
            _ = try TopicCatalog(directory: dir)
        } throws: { "\($0)".contains("must be named a.v1.json") }
    }

    @Test("missing topics are created, matching ones left alone, differing ones reported")
    func plan() {
        let declared = [
            TopicSpec(name: "new", partitions: 3),
            TopicSpec(name: "same", partitions: 2, configs: ["cleanup.policy": "compact"]),
            TopicSpec(name: "drifted", partitions: 6, configs: ["cleanup.policy": "compact"]),
            TopicSpec(name: "undescribed", partitions: 1, configs: ["cleanup.policy": "compact"]),
        ]
        let existing = [
            TopicDescription(name: "same", partitions: 2, configs: ["cleanup.policy": "compact", "retention.ms": "1"]),
            TopicDescription(name: "drifted", partitions: 4, configs: ["cleanup.policy": "delete"]),
            TopicDescription(name: "undescribed", partitions: 1, configs: nil),
        ]
        let plan = TopicPlan(declared: declared, existing: existing)
        #expect(plan.creations.map(\.name) == ["new"])
        #expect(plan.steps[1] == .upToDate("same"))
        #expect(plan.steps[3] == .upToDate("undescribed"))
        guard case .differs(let name, let differences) = plan.steps[2] else {
            Issue.record("expected a difference, got \(plan.steps[2])")
            return
        }
        #expect(name == "drifted")
        #expect(differences.count == 2)
        #expect(differences[0].contains("has 4 partitions, declared 6"))
        #expect(differences[1].contains("cleanup.policy is delete, declared compact"))
    }
}
