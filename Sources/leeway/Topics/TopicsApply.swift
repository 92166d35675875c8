import ArgumentParser
import Kafka

/// `leeway topics apply`: creates the declared topics that are missing and reports those
/// that differ. Safe to run again and again.
struct TopicsApply: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Create missing topics; report topics that differ from their declaration."
    )

    @OptionGroup var options: TopicsOptions

    @Flag(name: .long, help: "Print the plan without changing the cluster.")
    var dryRun = false

    @Option(name: .long, help: "Replicas per partition for created topics (default: the broker's default).")
    var replicationFactor: Int?

    @Flag(name: .long, help: "Exit with status 3 when a topic differs from its declaration.")
    var strict = false

    func run() async throws {
        var declared = try options.catalog().topics
        if let replicationFactor {
            guard replicationFactor > 0 else { throw ValidationError("--replication-factor must be at least 1") }
            for i in declared.indices { declared[i].replicationFactor = replicationFactor }
        }
        let admin = try options.admin()
        defer { admin.close() }
        let plan = TopicPlan(declared: declared, existing: try await admin.describeTopics(declared.map(\.name)))
        var differing = 0
        for step in plan.steps {
            switch step {
            case .create(let spec):
                print("\(dryRun ? "would create" : "create")  \(spec.name) (\(spec.partitions) partitions, \(spec.configs["cleanup.policy"] ?? "delete"))")
            case .upToDate(let name):
                print("ok          \(name)")
            case .differs(let name, let differences):
                differing += 1
                print("differs     \(name)")
                for difference in differences { print("              - \(difference)") }
            }
        }
        if !dryRun, !plan.creations.isEmpty {
            let results = try await admin.createTopics(plan.creations)
            let failures = results.compactMap { name, error -> String? in
                guard let error, error.code != .topicAlreadyExists else { return nil }
                return "\(name): \(error)"
            }
            guard failures.isEmpty else {
                throw ValidationError("could not create topics:\n" + failures.sorted().joined(separator: "\n"))
            }
            print("created \(plan.creations.count) topic(s)")
        }
        if strict, differing > 0 { throw ExitCode(3) }
    }
}
