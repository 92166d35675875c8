import Foundation
import LeewayCore
import ProcessTestSupport
import LeewaySimulator
import LeewayTraining

/// ONNX graphs made the way a data scientist makes them: a simulated tanker fleet (the
/// simulator's variant physics, not the baseline's Admiralty law) replayed into training
/// rows, written as `leeway features export` writes them, fitted and exported by
/// `examples/scikit-learn/train_onnx.py` in the ML venv `make deps` installs.
enum ExampleGraphs {
    /// The repository's root.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The physics inputs a power law reads.
    static let layout = InputLayout([.speedThroughWater, .draft, .daysSinceHullCleaning, .waveHeight, .headWind])

    /// Twelve tankers, 5-minute reports, 24,000 reports (about 7 days), variant physics.
    static let set: TrainingSet = {
        var configuration = FleetSimulator.Configuration()
        configuration.vessels = 12
        configuration.seed = 3
        configuration.intervalSeconds = 300
        configuration.physics = .variant
        configuration.types = [.tanker]
        var fleet = FleetSimulator(configuration)
        let reports = (0..<24_000).compactMap { _ in fleet.next().telemetry }
        return TrainingSet(reports, type: .tanker, assumedDraft: HullClass.typical(.tanker).ladenDraft)
    }()

    /// A graph and what Python's onnxruntime predicted with it for every row of ``set``.
    struct Graph: Sendable {
        var bytes: [UInt8]
        var pythonPredictions: [[Double]]
    }

    /// Fits `estimator` (`loglinear`, `poly`, `gbr`) with `outputs` (`per-target`, `matrix`).
    static func make(_ estimator: String, outputs: String = "per-target", layout: InputLayout = layout) async throws -> Graph {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("leeway-onnx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = directory.appendingPathComponent("rows.csv"), graph = directory.appendingPathComponent("model.onnx")
        let predictions = directory.appendingPathComponent("predictions.csv")
        try set.csv(layout).write(to: csv, atomically: true, encoding: .utf8)
        try await python([root.appendingPathComponent("examples/scikit-learn/train_onnx.py").path, csv.path, "--estimator", estimator,
                    "--outputs", outputs, "--out", graph.path, "--predict", predictions.path])
        let rows = try String(contentsOf: predictions, encoding: .utf8).split(separator: "\n").dropFirst()
        return Graph(bytes: [UInt8](try Data(contentsOf: graph)),
                     pythonPredictions: rows.map { $0.split(separator: ",").map { Double($0)! } })
    }

    /// Runs the ML venv's Python with `arguments`; throws with its output when it fails.
    static func python(_ arguments: [String]) async throws {
        let interpreter = root.appendingPathComponent(".deps/ml/bin/python")
        guard FileManager.default.isExecutableFile(atPath: interpreter.path) else {
            throw PythonFailed(output: "\(interpreter.path) is missing: run make deps")
        }
        let (status, output) = try await ChildProcess.run(interpreter, arguments)
        guard status == 0 else { throw PythonFailed(output: output) }
    }

    /// Python exited non-zero.
    struct PythonFailed: Error, CustomStringConvertible {
        var output: String
        var description: String { "python failed: \(output)" }
    }
}
