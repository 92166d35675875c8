import ArgumentParser
import Foundation
import Kafka
import LeewayCore
import LeewayModels
import LeewayPipeline
import LeewayTraining

/// `leeway train`: fit a vessel type's model from telemetry history.
struct TrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train", abstract: "Fit a linear-physics model for one vessel type, check it, report it, register it.",
        discussion: """
        Reads telemetry history (a topic from start to end, or a JSON-lines file) and replays it through \
        the processor's feature updater, keeps reports of the type under way with fuel and shaft power \
        measured, fits shaft power as the hull's power law (exponents learnt within physical bounds) \
        scaled by fouling and waves plus the wind's added drag, and fuel from that power through the \
        engine's curve, every coefficient non-negative and each ship calibrated (docs/models.md); \
        scores the last 20 % by event time, runs the physics checks, and writes <type>-v<N>.json and <type>-v<N>.html into --out. With --register the version \
        enters the registry: pending review, or rejected when a check failed (exit code 3).
        """)

    @OptionGroup var options: RegistryOptions
    @OptionGroup var history: HistoryOptions
    @Option(name: .long, help: "Where to write the artifact and its report.") var out = "models"
    @Flag(name: .long, help: "Register the model in the registry topic.") var register = false

    func run() async throws {
        let type = history.type
        let source = history.sourceName(topicPrefix: options.topicPrefix)
        let set = try await history.trainingSet(broker: options.broker, topicPrefix: options.topicPrefix)
        let artifact = try Trainer(type: type).train(set, source: source, createdAt: "\(EventTime.now)").artifact
        try await ArtifactOutput(directory: out).publish(artifact, to: register ? options.registry() : nil)
    }
}
