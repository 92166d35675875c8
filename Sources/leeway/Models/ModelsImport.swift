import ArgumentParser
import Foundation
import LeewayCore
import LeewayInference
import LeewayModels
import LeewayTraining

/// `leeway models import`: a model trained elsewhere (an ONNX graph) becomes an artifact
/// with the same metrics, checks and report as a trained one, and joins the registry.
struct ModelsImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Turn an ONNX model trained elsewhere into an artifact: score it, check it, report it, register it.",
        discussion: """
        The graph must follow the model contract (docs/byom.md): one float32 input named features of \
        shape [N, F] whose columns are --inputs in order, and one output per target named after it \
        ([N] or [N, 1]) or one [N, T] output in --targets order. Leeway replays the history through the \
        processor's feature updater (as `leeway train` does), asks the model for every row and for the \
        physics checks' probe voyages, scores the holdout, and writes <type>-v<N>.json (the graph inside, \
        with its sha256) and its audit report into --out. With --register the version enters the \
        registry: pending review, or rejected when a check failed (exit code 3).
        """)

    @OptionGroup var options: RegistryOptions
    @OptionGroup var history: HistoryOptions
    @Option(name: .long, help: "The ONNX file.") var onnx: String
    @Option(name: .long, help: "Comma-separated catalogue inputs, the columns of input features (default: every input a model may read, in catalogue order).")
    var inputs: String?
    @Option(name: .long, help: "Comma-separated targets, in output order.") var targets = "fuel_rate_tph,shaft_power_kw"
    @Option(name: .long, help: "The model's name (default: <type>-onnx).") var name: String?
    @Option(name: .long, help: "Where to write the artifact and its report.") var out = "models"
    @Flag(name: .long, help: "Register the model in the registry topic.") var register = false

    func run() async throws {
        let type = history.type
        let layout = try ImportedInputs.layout(inputs)
        let order = try targets.split(separator: ",").map { name -> PredictionTarget in
            guard let target = PredictionTarget.named(String(name)) else {
                throw ValidationError("--targets: unknown target \(name) (known: fuel_rate_tph, shaft_power_kw)")
            }
            return target
        }
        let graph = try [UInt8](Data(contentsOf: URL(fileURLWithPath: onnx)))
        guard graph.count <= ModelFile.maximumBytes else {
            throw ValidationError("\(onnx) has \(graph.count) bytes; an artifact carries at most \(ModelFile.maximumBytes)")
        }
        let name = name ?? "\(type.rawValue)-onnx"
        let model: ONNXModel
        do {
            model = try ONNXModel(identity: ModelIdentity(name: name, version: 0, kind: ModelArtifact.onnxKind), graph: graph,
                                  layout: layout, targets: order)
        } catch {
            throw ValidationError("\(onnx): \(error)")
        }
        let set = try await history.trainingSet(broker: options.broker, topicPrefix: options.topicPrefix)
        let plan = ModelImport(type: type, name: name, kind: ModelArtifact.onnxKind, layout: layout, targets: order)
        let answers = try model.evaluate(plan.batch(set.fitting + set.holdout))
        let probes = try model.evaluate(plan.probeBatch())
        var artifact = plan.artifact(set: set, answers: answers, probeAnswers: probes, modelFile: ModelFile(onnx: graph),
                                     source: history.sourceName(topicPrefix: options.topicPrefix), createdAt: "\(EventTime.now)")
        try artifact.validate()
        if register {
            let time = "\(EventTime.now)"
            let imported = artifact
            artifact.version = try await options.registry().update(type) { record in try record.register(imported, at: time) }
            artifact.status = artifact.passedChecks ? .pending : .rejected
        }
        try ArtifactOutput(directory: out).write(artifact, registered: register)
    }
}
