import ArgumentParser
import Foundation
import LeewayCore
import LeewayTraining

/// `leeway features`: the feature catalogue, and training rows for models trained elsewhere.
struct FeaturesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "features", abstract: "List the feature catalogue; export training rows as the processor computes them.",
        subcommands: [FeaturesList.self, FeaturesExport.self])
}

/// `leeway features list`.
struct FeaturesList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Print the feature catalogue's inputs (docs/feature-catalogue.md).")

    func run() {
        print("feature catalogue \(FeatureCatalogue.version)")
        for entry in FeatureCatalogue.entries {
            let leak = entry.readsMeasuredTargets ? " [includes the report's fuel or power: not a model input]" : ""
            print("\(entry.name) (\(entry.unit), \(entry.source)): \(entry.description)\(leak)")
        }
    }
}

/// `leeway features export`: the rows `leeway train` fits on, as CSV, for a data scientist.
struct FeaturesExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write a type's training rows (catalogue inputs and measured targets) as CSV.",
        discussion: """
        Replays the history through the processor's feature updater exactly as `leeway train` does, and \
        writes one row per report under way with fuel and power measured: split (fit or holdout, the \
        same time-based split import scores on), vessel_id, ts, the chosen catalogue inputs (all that \
        a model may read by default; missing values empty) and the measured fuel_rate_tph and \
        shaft_power_kw. A model fitted on the fit rows and exported to ONNX with the same inputs \
        (docs/byom.md) enters the registry with `leeway models import`.
        """)

    @OptionGroup var options: RegistryOptions
    @OptionGroup var history: HistoryOptions
    @Option(name: .long, help: "Comma-separated catalogue inputs, in column order (default: every input a model may read).")
    var inputs: String?
    @Option(name: .shortAndLong, help: "The CSV file to write.") var output: String

    func run() async throws {
        let layout = try ImportedInputs.layout(inputs)
        let set = try await history.trainingSet(broker: options.broker, topicPrefix: options.topicPrefix)
        let text = set.csv(layout)
        try text.write(toFile: output, atomically: true, encoding: .utf8)
        print("wrote \(set.fitting.count + set.holdout.count) rows of \(layout.inputs.count) inputs to \(output)")
    }
}

/// The catalogue inputs named on the command line.
enum ImportedInputs {
    /// Every input a model may read (none that includes the report's measured targets).
    static let allowed = ModelInput.ordered.filter { !$0.readsMeasuredTargets }

    /// The layout of the comma-separated `names`, or of ``allowed`` when nil.
    static func layout(_ names: String?) throws -> InputLayout {
        guard let names else { return InputLayout(allowed) }
        let list = names.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        do {
            let inputs = try FeatureCatalogue.inputs(named: list)
            if let leak = inputs.first(where: \.readsMeasuredTargets) {
                throw ValidationError("--inputs: \(leak.rawValue) includes the report's own measured fuel or power, which models predict")
            }
            return InputLayout(inputs)
        } catch let error as FeatureCatalogue.UnknownInput {
            throw ValidationError("--inputs: \(error.description) (leeway features list shows them)")
        }
    }
}
