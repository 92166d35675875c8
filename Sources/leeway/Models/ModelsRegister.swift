import ArgumentParser
import Foundation
import LeewayCore
import LeewayInference
import LeewayModels
import LeewayTraining

/// `leeway models register`: an artifact fitted elsewhere (Python, say) joins the registry.
struct ModelsRegister: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register", abstract: "Register an artifact file as the type's next version (pending review).",
        discussion: """
        The artifact must follow topics/schemas/model-artifact.v1.schema.json (kind linear-physics, or onnx \
        with its graph in model_file). An empty content_hash is filled in; a present one must match the \
        content. The physics checks are run again here, through the model itself, and their results \
        replace the artifact's own: a version that fails them is registered as rejected.
        """)
    @OptionGroup var options: RegistryOptions
    @Argument(help: "The artifact JSON file.") var file: String

    func run() async throws {
        var artifact = try ModelArtifact.decode(try Data(contentsOf: URL(fileURLWithPath: file)))
        if artifact.contentHash.isEmpty { artifact.contentHash = artifact.computedContentHash }
        let checks = PhysicsChecks(type: artifact.vesselType)
        if artifact.kind == ModelArtifact.onnxKind {
            // The same probe voyages, asked through the graph.
            let model = try artifact.onnxModel()
            let answers = checks.answers(try model.evaluate(checks.probeBatch(model.layout)))
            artifact.checks = checks.run(answers: answers, metrics: artifact.metrics)
        } else {
            artifact.checks = checks.run(try artifact.servingModel(), metrics: artifact.metrics)
        }
        artifact.contentHash = artifact.computedContentHash
        let time = "\(EventTime.now)"
        let registered = artifact
        let version = try await options.registry().update(artifact.vesselType) { record in
            try record.register(registered, at: time)
        }
        printRegistration(artifact, version: version)
    }
}

/// Prints a registered version's outcome.
func printRegistration(_ artifact: ModelArtifact, version: Int) {
    let failed = artifact.checks.filter { !$0.passed }
    if failed.isEmpty {
        print("registered \(artifact.vesselType.rawValue) v\(version) as pending; review its report, then: "
            + "leeway models approve \(artifact.vesselType.rawValue) \(version) --by NAME")
    } else {
        print("registered \(artifact.vesselType.rawValue) v\(version) as REJECTED: it failed its physics checks")
        for check in failed { print("  \(check.name): \(check.detail)") }
    }
}

/// `leeway models report`.
struct ModelsReport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "Write a version's audit report (static HTML).")
    @OptionGroup var options: RegistryOptions
    @Argument(help: "The vessel type.") var type: VesselType
    @Argument(help: "The version.") var version: Int
    @Option(name: .shortAndLong, help: "The HTML file to write.") var output: String

    func run() async throws {
        guard let artifact = try await options.record(type).artifact(version) else {
            throw ValidationError("\(type.rawValue) has no version \(version)")
        }
        try AuditReport(artifact).html().write(toFile: output, atomically: true, encoding: .utf8)
        print("wrote \(output)")
    }
}
