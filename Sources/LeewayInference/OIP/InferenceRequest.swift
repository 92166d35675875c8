import LeewayCore

/// The Open Inference Protocol V2 REST bodies Leeway sends and reads: one FP32 input
/// `features` of shape [N, F], row-major; outputs named after the targets ([N] or [N, 1]),
/// or one [N, T] output. JSON has no NaN: a missing input is sent as `null`, which numpy
/// servers (MLServer) read as NaN.
enum InferenceRequest {
    /// The infer request's body for the rows `rows` of `batch`.
    static func body(_ batch: FeatureBatch, rows: Range<Int>) -> [UInt8] {
        var text = #"{"inputs":[{"name":"features","shape":["# + "\(rows.count),\(batch.width)" + #"],"datatype":"FP32","data":["#
        text.reserveCapacity(text.utf8.count + rows.count * batch.width * 10)
        var first = true
        for row in rows {
            for value in batch.row(row) {
                if !first { text += "," }
                first = false
                text += value.isFinite ? "\(value)" : "null"
            }
        }
        text += "]}]}"
        return Array(text.utf8)
    }

    /// One output tensor of an infer response.
    struct Output: Decodable {
        var name: String
        var shape: [Int]
        var datatype: String
        var data: [Double]
    }

    /// An infer response.
    struct Response: Decodable {
        var outputs: [Output]
    }

    /// The targets per row of a response for `count` rows of `targets`.
    static func answers(_ response: Response, count: Int, targets: [PredictionTarget]) throws(ModelCallError) -> [TargetValues] {
        let names = targets.map { "\($0.name)" }
        var columns: [[Double]] = []
        if names.allSatisfy({ name in response.outputs.contains { $0.name == name } }) {
            for name in names {
                let output = response.outputs.first { $0.name == name }!
                guard output.data.count == count, output.shape.first == count, output.shape.dropFirst().allSatisfy({ $0 == 1 }) else {
                    throw ModelCallError("output \(name) has shape \(output.shape) for \(count) rows (expected [\(count)] or [\(count), 1])")
                }
                columns.append(output.data)
            }
        } else if response.outputs.count == 1, let only = response.outputs.first, only.shape == [count, targets.count],
                  only.data.count == count * targets.count {
            columns = targets.indices.map { index in (0..<count).map { only.data[$0 * targets.count + index] } }
        } else {
            let described = response.outputs.map { "\($0.name) \($0.shape)" }.joined(separator: ", ")
            throw ModelCallError("the outputs (\(described)) must be one per target named \(names.joined(separator: ", ")) of shape [N] or [N, 1], or one of shape [\(count), \(targets.count)]")
        }
        return (0..<count).map { row in
            var values = TargetValues()
            for (index, target) in targets.enumerated() where columns[index][row].isFinite { values[target] = columns[index][row] }
            return values
        }
    }
}
