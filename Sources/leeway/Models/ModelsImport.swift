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
        commandName: "import", abstract: "Turn a model trained elsewhere (ONNX, or a model server) into an artifact: score it, check it, report it, register it.",
        discussion: """
        Both kinds follow the model contract (docs/byom.md): one float32 input named features of shape \
        [N, F] whose columns are --inputs in order, and one output per target named after it ([N] or \
        [N, 1]) or one [N, T] output in --targets order. --kind onnx reads the graph from --onnx and \
        carries it in the artifact (with its sha256); --kind oip names a model server speaking the Open \
        Inference Protocol V2 over REST (--url, --model, --model-version: KServe, MLServer, Triton). \
        Leeway replays the history through the processor's feature updater (as `leeway train` does), \
        asks the model for every row and for the physics checks' probe voyages, scores the holdout, and \
        writes <type>-v<N>.json and its audit report into --out. With --register the version enters the \
        registry: pending review, or rejected when a check failed (exit code 3).
        """)

    @OptionGroup var options: RegistryOptions
    @OptionGroup var history: HistoryOptions
    @Option(name: .long, help: "onnx (a graph file) or oip (a model server).") var kind = ModelArtifact.onnxKind
    @Option(name: .long, help: "--kind onnx: the ONNX file.") var onnx: String?
    @Option(name: .long, help: "--kind oip: the model server's base URL, e.g. http://127.0.0.1:8080.") var url: String?
    @Option(name: .long, help: "--kind oip: the model's name on the server.") var model: String?
    @Option(name: .long, help: "--kind oip: the model's version on the server (pin one: the checks are about what answers now).")
    var modelVersion: String?
    @Option(name: .long, help: "Comma-separated catalogue inputs, the columns of input features (default: every input a model may read, in catalogue order).")
    var inputs: String?
    @Option(name: .long, help: "Comma-separated targets, in output order.") var targets = "fuel_rate_tph,shaft_power_kw"
    @Option(name: .long, help: "The model's name in Leeway (default: <type>-<kind>).") var name: String?
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
        let name = name ?? "\(type.rawValue)-\(kind)"
        let identity = ModelIdentity(name: name, version: 0, kind: kind)
        let model: any BatchModel
        var modelFile: ModelFile?
        var service: ModelService?
        switch kind {
        case ModelArtifact.onnxKind:
            guard let onnx, url == nil, self.model == nil else { throw ValidationError("--kind onnx takes --onnx FILE (not --url or --model)") }
            let graph = try [UInt8](Data(contentsOf: URL(fileURLWithPath: onnx)))
            guard graph.count <= ModelFile.maximumBytes else {
                throw ValidationError("\(onnx) has \(graph.count) bytes; an artifact carries at most \(ModelFile.maximumBytes)")
            }
            do { model = try ONNXModel(identity: identity, graph: graph, layout: layout, targets: order) } catch {
                throw ValidationError("\(onnx): \(error)")
            }
            modelFile = ModelFile(onnx: graph)
        case ModelArtifact.oipKind:
            guard let url, let remote = self.model, onnx == nil else {
                throw ValidationError("--kind oip takes --url and --model (and --model-version), not --onnx")
            }
            let named = ModelService(url: url, model: remote, version: modelVersion)
            do { try named.validate() } catch { throw ValidationError("\(error)") }
            var settings = RemoteModelSettings()
            settings.timeout = .seconds(30)
            settings.deadline = .seconds(300)
            let server = OIPModel(identity: identity, service: named, layout: layout, targets: order, settings: settings)
            do { try await server.ready() } catch { throw ValidationError("\(named.url): the model is not ready: \(error)") }
            model = server
            service = named
        default:
            throw ValidationError("--kind must be onnx or oip, got \(kind) (linear-physics models come from leeway train)")
        }
        let set = try await history.trainingSet(broker: options.broker, topicPrefix: options.topicPrefix)
        let plan = ModelImport(type: type, name: name, kind: kind, layout: layout, targets: order)
        let answers = try await model.predict(plan.batch(set.fitting + set.holdout))
        let probes = try await model.predict(plan.probeBatch())
        let artifact = plan.artifact(set: set, answers: answers, probeAnswers: probes, modelFile: modelFile, service: service,
                                     source: history.sourceName(topicPrefix: options.topicPrefix), createdAt: "\(EventTime.now)")
        try artifact.validate()
        try await ArtifactOutput(directory: out).publish(artifact, to: register ? options.registry() : nil)
    }
}
