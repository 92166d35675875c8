import ArgumentParser
import Foundation
import Kafka

/// `leeway topics`: the declared topics on a cluster.
struct TopicsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topics",
        abstract: "Create or check the topics declared in topics/.",
        subcommands: [TopicsApply.self, TopicsList.self]
    )
}

/// Options shared by the topics subcommands.
struct TopicsOptions: ParsableArguments {
    @OptionGroup var broker: BrokerOptions

    @Option(name: .long, help: "The folder of topic declarations.")
    var topicsDir: String = "topics"

    func catalog() throws -> TopicCatalog {
        do { return try TopicCatalog(directory: URL(fileURLWithPath: topicsDir)) } catch {
            throw ValidationError("\(error)")
        }
    }

    func admin() throws -> KafkaAdmin {
        var configuration = KafkaClientConfiguration(bootstrapServers: broker.servers)
        configuration.clientID = "leeway-topics"
        configuration.properties = try broker.properties()
        return try KafkaAdmin(configuration: configuration)
    }
}
