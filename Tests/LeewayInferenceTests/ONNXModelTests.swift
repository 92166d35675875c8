import Foundation
import LeewayCore
import LeewayInference
import LeewayModels
import LeewayTraining
import Testing

/// ONNX graphs from scikit-learn, run by ONNX Runtime's C API in process.
@Suite("ONNX models through ONNX Runtime", .serialized)
struct ONNXModelTests {
    static let rows = ExampleGraphs.set.fitting + ExampleGraphs.set.holdout
    static let plan = ModelImport(type: .tanker, name: "tanker-onnx", kind: ModelArtifact.onnxKind, layout: ExampleGraphs.layout,
                                  targets: [.fuelRate, .shaftPower])

    static func model(_ graph: [UInt8], layout: InputLayout = ExampleGraphs.layout,
                      targets: [PredictionTarget] = [.fuelRate, .shaftPower]) throws(ONNXError) -> ONNXModel {
        try ONNXModel(identity: ModelIdentity(name: "tanker-onnx", version: 1, kind: "onnx"), graph: graph, layout: layout, targets: targets)
    }

    @Test("Leeway's answers equal Python onnxruntime's for every row, with one output per target or one [N, 2] output",
          arguments: [("loglinear", "per-target"), ("gbr", "matrix")])
    func answersEqualPython(estimator: String, outputs: String) async throws {
        let graph = try await ExampleGraphs.make(estimator, outputs: outputs)
        let model = try Self.model(graph.bytes)
        let answers = try await model.predict(Self.plan.batch(Self.rows))
        #expect(answers.count == Self.rows.count && graph.pythonPredictions.count == Self.rows.count)
        var worst = 0.0
        for (answer, python) in zip(answers, graph.pythonPredictions) {
            for (index, target) in [PredictionTarget.fuelRate, .shaftPower].enumerated() {
                let value = try #require(answer[target])
                worst = max(worst, abs(value - python[index]) / max(abs(python[index]), 1e-9))
            }
        }
        #expect(worst <= 1e-6, "largest relative difference from Python's onnxruntime: \(worst)")
    }

    @Test("a row's answer does not depend on how many rows share its batch or where it sits")
    func batchIndependent() async throws {
        let model = try Self.model(try await ExampleGraphs.make("loglinear").bytes)
        let rows = Array(Self.rows.prefix(300))
        let whole = try model.evaluate(Self.plan.batch(rows))
        var pieces: [TargetValues] = []
        var start = 0
        for size in [1, 7, 64, 65, 2, 161] {
            pieces += try model.evaluate(Self.plan.batch(Array(rows[start..<min(rows.count, start + size)])))
            start += size
        }
        #expect(pieces.count == whole.count)
        #expect(zip(pieces, whole).allSatisfy { a, b in
            [PredictionTarget.fuelRate, .shaftPower].allSatisfy { a[$0]!.bitPattern == b[$0]!.bitPattern }
        }, "bit for bit")
    }

    @Test("graphs that break the contract are refused, saying how")
    func contractRefusals() async throws {
        let perTarget = try await ExampleGraphs.make("loglinear").bytes
        let matrix = try await ExampleGraphs.make("loglinear", outputs: "matrix").bytes
        let narrow = InputLayout(Array(ExampleGraphs.layout.inputs.dropLast()))
        let narrowed = #expect(throws: ONNXError.self) { try Self.model(perTarget, layout: narrow) }
        #expect(narrowed?.message.contains("must be float32 of shape [N, 4]") == true, "\(String(describing: narrowed))")
        let fewer = #expect(throws: ONNXError.self) { try Self.model(matrix, targets: [.fuelRate]) }
        #expect(fewer?.message.contains("one per target named fuel_rate_tph") == true, "\(String(describing: fewer))")
        let garbage = #expect(throws: ONNXError.self) { try Self.model([1, 2, 3, 4]) }
        #expect(garbage?.message.isEmpty == false)
        // Outputs named per target are read by name, whatever order the artifact lists them in.
        let swapped = try Self.model(perTarget, targets: [.shaftPower, .fuelRate])
        let straight = try Self.model(perTarget)
        let batch = Self.plan.batch(Array(Self.rows.prefix(5)))
        #expect(try swapped.evaluate(batch) == straight.evaluate(batch))
    }

    @Test("the physics checks gate an ONNX model as they gate a trained one: a power law passes, boosted trees fail")
    func checksGateEveryKind() async throws {
        for (estimator, passes) in [("loglinear", true), ("gbr", false)] {
            let graph = try await ExampleGraphs.make(estimator).bytes
            let model = try Self.model(graph)
            let artifact = Self.plan.artifact(set: ExampleGraphs.set, answers: try model.evaluate(Self.plan.batch(Self.rows)),
                                              probeAnswers: try model.evaluate(Self.plan.probeBatch()), modelFile: ModelFile(onnx: graph),
                                              source: "simulator (variant physics)", createdAt: "2026-12-02T00:00:00Z")
            #expect(artifact.checks.count == 7)
            #expect(artifact.passedChecks == passes, "\(estimator): \(artifact.checks.filter { !$0.passed }.map(\.detail))")
            if !passes { #expect(artifact.checks.contains { $0.name == "fuel_increases_with_speed" && !$0.passed }) }
            try artifact.validate()
            let decoded = try ModelArtifact.decode(artifact.encoded())
            #expect(decoded == artifact)
            if passes {
                guard case .batched(let served, _) = try decoded.approvedServedModel() else {
                    Issue.record("an onnx artifact serves in batches")
                    return
                }
                #expect(served.identity.kind == "onnx")
                #expect(artifact.diagnostics?.speedCurves?.count == 2)
                #expect(AuditReport(artifact).html().contains("onnx"))
            } else {
                #expect(throws: ArtifactError.failedChecks(artifact.checks.filter { !$0.passed }.map(\.name))) {
                    try decoded.approvedServedModel()
                }
            }
        }
    }

    @Test("an altered graph, a leaking input or a missing graph make the artifact unservable, each with its reason")
    func artifactRefusals() async throws {
        let graph = try await ExampleGraphs.make("loglinear").bytes
        let model = try Self.model(graph)
        let artifact = Self.plan.artifact(set: ExampleGraphs.set, answers: try model.evaluate(Self.plan.batch(Self.rows)),
                                          probeAnswers: try model.evaluate(Self.plan.probeBatch()), modelFile: ModelFile(onnx: graph),
                                          source: "simulator", createdAt: "2026-12-02T00:00:00Z")
        var altered = artifact
        var bytes = graph
        bytes[bytes.count / 2] ^= 0xFF
        altered.modelFile?.base64 = Data(bytes).base64EncodedString()
        altered.contentHash = altered.computedContentHash
        #expect(throws: ArtifactError.modelFile("model_file's bytes hash to \(ModelFile(onnx: bytes).sha256), sha256 says \(ModelFile(onnx: graph).sha256) (the file was altered)")) {
            try altered.validate()
        }
        var leaking = artifact
        leaking.inputs = ["stw_kn", "ewma_fuel_rate_tph"]
        leaking.contentHash = leaking.computedContentHash
        #expect(throws: ArtifactError.unsupportedInputs("ewma_fuel_rate_tph includes the report's own measured fuel or power, which the model predicts")) {
            try leaking.validate()
        }
        var missing = artifact
        missing.modelFile = nil
        missing.contentHash = missing.computedContentHash
        #expect(throws: ArtifactError.modelFile("an onnx artifact carries its graph in model_file")) { try missing.validate() }
        var unknown = artifact
        unknown.kind = "pickle"
        #expect(throws: ArtifactError.unknownKind("pickle")) { try unknown.validate() }
    }
}
