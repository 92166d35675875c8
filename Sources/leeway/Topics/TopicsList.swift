import ArgumentParser
import Kafka

/// `leeway topics list`: the cluster's topics, marking those declared in topics/.
struct TopicsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the cluster's topics.")

    @OptionGroup var options: TopicsOptions

    func run() async throws {
        let declared = Set(try options.catalog().topics.map(\.name))
        let admin = try options.admin()
        defer { admin.close() }
        let topics = try await admin.listTopics()
        let width = topics.map(\.name.count).max() ?? 0
        for topic in topics {
            let name = topic.name.padding(toLength: width, withPad: " ", startingAt: 0)
            print("\(name)  \(topic.partitions) partitions\(declared.contains(topic.name) ? "  declared" : "")")
        }
        let missing = declared.subtracting(topics.map(\.name))
        if !missing.isEmpty { print("declared but missing: \(missing.sorted().joined(separator: ", "))") }
    }
}
