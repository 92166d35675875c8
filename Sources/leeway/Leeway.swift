import ArgumentParser
import Kafka

/// The `leeway` command-line tool.
@main
struct Leeway: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leeway",
        abstract: "Per-vessel predictions and drift alerts from live telemetry on Kafka.",
        subcommands: [RunCommand.self, TrainCommand.self, ModelsCommand.self, FeaturesCommand.self, EvaluateCommand.self, TopicsCommand.self, SimulateCommand.self, IngestCommand.self, VersionCommand.self]
    )
}

/// `leeway version`: this build and the librdkafka it loaded.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print versions.")

    func run() {
        print("leeway (telemetry v1), librdkafka \(Librdkafka.version)\(Librdkafka.isSupported ? "" : " (too old: 2.8.0 or newer needed)")")
    }
}
