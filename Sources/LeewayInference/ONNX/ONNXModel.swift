import LeewayCore

/// A model of kind `onnx`: an ONNX graph run in process by ONNX Runtime over each report's
/// catalogue vector. The contract: one float32 input named `features` of shape [N, F], its
/// columns the declared inputs in order; one output per target named after it, of shape
/// [N] or [N, 1], or a single output of shape [N, T] with the targets in artifact order.
/// Rows run in chunks of a fixed size (padded), each chunk on the model's own thread, so a
/// row's values do not depend on how many others share its batch.
public struct ONNXModel: BatchModel {
    public let identity: ModelIdentity
    public let layout: InputLayout
    /// The targets it predicts, in artifact order.
    public let targets: [PredictionTarget]
    /// Rows per run.
    public let chunkRows: Int
    private let scale: ResidualScale
    private let runner: Runner

    /// The graph's input name.
    public static let inputName = "features"
    /// Rows per run when the graph accepts any batch size.
    public static let defaultChunkRows = 64

    /// Where each target's values come from.
    enum Outputs: Equatable {
        /// One output per target, by name.
        case perTarget([String])
        /// One [N, T] output.
        case matrix(String)
    }

    /// Loads `graph` and checks it against the contract for `layout` and `targets`.
    public init(identity: ModelIdentity, graph: [UInt8], layout: InputLayout, targets: [PredictionTarget],
                scale: ResidualScale = ResidualScale()) throws(ONNXError) {
        let session = try ONNXSession(graph)
        guard session.inputs.count == 1, let input = session.inputs.first, input.name == Self.inputName else {
            throw ONNXError("the graph must take one input named \"features\"; it takes \(session.inputs.map { "\"\($0.name)\"" }.joined(separator: ", "))")
        }
        let width = layout.inputs.count
        guard input.isFloat, input.shape.count == 2, input.shape[1] < 0 || input.shape[1] == Int64(width) else {
            throw ONNXError("input \"features\" must be float32 of shape [N, \(width)] (the declared inputs); the graph's is \(input.isFloat ? "" : "not float32, ")\(input.shapeText)")
        }
        let names = targets.map { "\($0.name)" }
        let outputs: Outputs
        if names.allSatisfy({ name in session.outputs.contains { $0.name == name } }) {
            for name in names {
                let output = session.outputs.first { $0.name == name }!
                guard output.isNumeric, output.shape.count == 1 || (output.shape.count == 2 && output.shape[1] == 1) else {
                    throw ONNXError("output \"\(name)\" must be numeric of shape [N] or [N, 1]; the graph's is \(output.shapeText)")
                }
            }
            outputs = .perTarget(names)
        } else if session.outputs.count == 1, let only = session.outputs.first, only.isNumeric, only.shape.count == 2,
                  only.shape[1] < 0 || only.shape[1] == Int64(names.count) {
            outputs = .matrix(only.name)
        } else {
            throw ONNXError("the graph's outputs (\(session.outputs.map { "\"\($0.name)\" \($0.shapeText)" }.joined(separator: ", "))) must be one per target named \(names.joined(separator: ", ")) of shape [N] or [N, 1], or one of shape [N, \(names.count)]")
        }
        self.identity = identity
        self.layout = layout
        self.targets = targets
        self.scale = scale
        chunkRows = input.shape[0] > 0 ? Int(input.shape[0]) : Self.defaultChunkRows
        runner = Runner(session: session, outputs: outputs, thread: InferenceThread(name: "leeway-onnx-\(identity.name)"))
    }

    public func predict(_ batch: FeatureBatch) async throws(ModelCallError) -> [TargetValues] {
        let runner = runner, targets = targets, chunkRows = chunkRows
        do {
            return try await runner.thread.run { () throws(ONNXError) in try runner.evaluate(batch, targets: targets, chunkRows: chunkRows) }
        } catch {
            throw ModelCallError("\(error)")
        }
    }

    /// The targets for each row of `batch`, on the calling thread (for tools and tests).
    public func evaluate(_ batch: FeatureBatch) throws(ONNXError) -> [TargetValues] {
        try runner.evaluate(batch, targets: targets, chunkRows: chunkRows)
    }

    public func residualDeviation(_ target: PredictionTarget, predicted: Double) -> Double {
        scale.deviation(target, predicted: predicted)
    }

    public func residualBias(_ target: PredictionTarget, regime: OperatingRegime) -> Double {
        scale.bias(target, regime: regime)
    }
}

extension ONNXModel {
    /// The session and its thread; the thread ends with the last copy of the model.
    final class Runner: Sendable {
        let session: ONNXSession
        let outputs: Outputs
        let thread: InferenceThread

        init(session: ONNXSession, outputs: Outputs, thread: InferenceThread) {
            self.session = session
            self.outputs = outputs
            self.thread = thread
        }

        func evaluate(_ batch: FeatureBatch, targets: [PredictionTarget], chunkRows: Int) throws(ONNXError) -> [TargetValues] {
            let width = batch.width
            // One output per target holds `chunkRows` values; a matrix holds `chunkRows × targets`, row-major.
            let names: [String], matrix: Bool
            switch outputs {
            case .perTarget(let targetNames): (names, matrix) = (targetNames, false)
            case .matrix(let name): (names, matrix) = ([name], true)
            }
            let expected = matrix ? chunkRows * targets.count : chunkRows
            var answers: [TargetValues] = []
            answers.reserveCapacity(batch.count)
            var chunk = [Float](repeating: 0, count: chunkRows * width)
            for start in stride(from: 0, to: batch.count, by: chunkRows) {
                let rows = min(chunkRows, batch.count - start)
                chunk.replaceSubrange(0 ..< rows * width, with: batch.values[start * width ..< (start + rows) * width])
                // Padding rows (the last chunk's) are zeros; their answers are dropped.
                for index in rows * width ..< chunk.count { chunk[index] = 0 }
                let results = try session.run(input: ONNXModel.inputName, values: chunk, rows: chunkRows, width: width, outputs: names)
                for (name, result) in zip(names, results) where result.values.count != expected {
                    throw ONNXError("output \(name) has \(result.values.count) values for \(chunkRows) rows of \(targets.count) targets")
                }
                for row in 0..<rows {
                    var values = TargetValues()
                    for (index, target) in targets.enumerated() {
                        let value = matrix ? results[0].values[row * targets.count + index] : results[index].values[row]
                        if value.isFinite { values[target] = value }
                    }
                    answers.append(values)
                }
            }
            return answers
        }
    }
}
