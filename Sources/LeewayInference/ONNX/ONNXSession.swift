import COnnxRuntime

/// One ONNX graph loaded into ONNX Runtime, run on one thread at a time with one intra-op
/// thread and sequential execution, so that the same input rows always give the same bits.
final class ONNXSession: @unchecked Sendable {
    // ONNX Runtime allows concurrent Run calls on one session; Leeway runs each session from
    // its own ``InferenceThread`` only. Immutable after init.
    private let runtime: ONNXRuntime
    private let session: OpaquePointer
    private let memory: OpaquePointer
    /// The graph's inputs and outputs, in graph order.
    let inputs: [Tensor]
    let outputs: [Tensor]

    /// A graph input or output: its name, element type and shape (-1 or a symbol: any size).
    struct Tensor: Sendable, Equatable {
        var name: String
        var elementType: ONNXTensorElementDataType
        var shape: [Int64]

        var isFloat: Bool { elementType == ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT }
        var isNumeric: Bool { isFloat || elementType == ONNX_TENSOR_ELEMENT_DATA_TYPE_DOUBLE }
        var shapeText: String { "[" + shape.map { $0 < 0 ? "N" : "\($0)" }.joined(separator: ", ") + "]" }
    }

    /// Loads the graph in `bytes`.
    init(_ bytes: [UInt8]) throws(ONNXError) {
        runtime = try ONNXRuntime.shared.get()
        let api = runtime.api.pointee
        var options: OpaquePointer?
        try runtime.check(api.CreateSessionOptions(&options))
        defer { api.ReleaseSessionOptions(options) }
        try runtime.check(api.SetIntraOpNumThreads(options, 1))
        try runtime.check(api.SetInterOpNumThreads(options, 1))
        try runtime.check(api.SetSessionExecutionMode(options, ORT_SEQUENTIAL))
        var created: OpaquePointer?
        let env = runtime.env
        let status = bytes.withUnsafeBytes { raw in api.CreateSessionFromArray(env, raw.baseAddress, raw.count, options, &created) }
        try runtime.check(status)
        guard let created else { throw ONNXError("ONNX Runtime created no session") }
        session = created
        var info: OpaquePointer?
        do throws(ONNXError) {
            try runtime.check(api.CreateCpuMemoryInfo(OrtArenaAllocator, OrtMemTypeDefault, &info))
            guard let info else { throw ONNXError("ONNX Runtime created no memory info") }
            memory = info
            inputs = try Self.describe(runtime, session, input: true)
            outputs = try Self.describe(runtime, session, input: false)
        } catch {
            if let info { api.ReleaseMemoryInfo(info) }
            api.ReleaseSession(session)
            throw error
        }
    }

    deinit {
        runtime.api.pointee.ReleaseMemoryInfo(memory)
        runtime.api.pointee.ReleaseSession(session)
    }

    private static func describe(_ runtime: ONNXRuntime, _ session: OpaquePointer, input: Bool) throws(ONNXError) -> [Tensor] {
        let api = runtime.api.pointee
        var allocator: UnsafeMutablePointer<OrtAllocator>?
        try runtime.check(api.GetAllocatorWithDefaultOptions(&allocator))
        var count = 0
        try runtime.check(input ? api.SessionGetInputCount(session, &count) : api.SessionGetOutputCount(session, &count))
        var tensors: [Tensor] = []
        for index in 0..<count {
            var name: UnsafeMutablePointer<CChar>?
            try runtime.check(input ? api.SessionGetInputName(session, index, allocator, &name) : api.SessionGetOutputName(session, index, allocator, &name))
            let text = name.map { String(cString: $0) } ?? ""
            if let name { try runtime.check(api.AllocatorFree(allocator, name)) }
            var typeInfo: OpaquePointer?
            try runtime.check(input ? api.SessionGetInputTypeInfo(session, index, &typeInfo) : api.SessionGetOutputTypeInfo(session, index, &typeInfo))
            defer { api.ReleaseTypeInfo(typeInfo) }
            var tensorInfo: OpaquePointer?
            try runtime.check(api.CastTypeInfoToTensorInfo(typeInfo, &tensorInfo))
            guard let tensorInfo else {
                tensors.append(Tensor(name: text, elementType: ONNX_TENSOR_ELEMENT_DATA_TYPE_UNDEFINED, shape: []))
                continue
            }
            let (elementType, shape) = try Self.typeAndShape(runtime, tensorInfo)
            tensors.append(Tensor(name: text, elementType: elementType, shape: shape))
        }
        return tensors
    }

    /// The element type and shape a tensor's type-and-shape info describes.
    private static func typeAndShape(_ runtime: ONNXRuntime, _ info: OpaquePointer?) throws(ONNXError) -> (ONNXTensorElementDataType, [Int64]) {
        let api = runtime.api.pointee
        var elementType = ONNX_TENSOR_ELEMENT_DATA_TYPE_UNDEFINED
        try runtime.check(api.GetTensorElementType(info, &elementType))
        var rank = 0
        try runtime.check(api.GetDimensionsCount(info, &rank))
        var shape = [Int64](repeating: 0, count: rank)
        try runtime.check(api.GetDimensions(info, &shape, rank))
        return (elementType, shape)
    }

    /// Runs the graph on `rows × width` float32 `values` fed to input `input`, returning each
    /// output named in `names` as doubles, row-major, with its shape.
    func run(input: String, values: [Float], rows: Int, width: Int, outputs names: [String]) throws(ONNXError) -> [(values: [Double], shape: [Int64])] {
        var data = values
        // The tensor borrows `data`'s storage, so the whole run happens while it is lent.
        let outcome = data.withUnsafeMutableBytes { raw in
            Result { () throws(ONNXError) in try run(input: input, data: raw, rows: rows, width: width, outputs: names) }
        }
        return try outcome.get()
    }

    private func run(input: String, data: UnsafeMutableRawBufferPointer, rows: Int, width: Int,
                     outputs names: [String]) throws(ONNXError) -> [(values: [Double], shape: [Int64])] {
        let api = runtime.api.pointee
        var shape: [Int64] = [Int64(rows), Int64(width)]
        var value: OpaquePointer?
        try runtime.check(api.CreateTensorWithDataAsOrtValue(memory, data.baseAddress, data.count, &shape, 2,
                                                            ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT, &value))
        defer { api.ReleaseValue(value) }
        var results = [OpaquePointer?](repeating: nil, count: names.count)
        defer { for result in results { api.ReleaseValue(result) } }
        let cNames = names.map { strdup($0) }
        defer { for name in cNames { free(name) } }
        let inputName = strdup(input)
        defer { free(inputName) }
        var inputNames: [UnsafePointer<CChar>?] = [UnsafePointer(inputName)]
        var inputValues: [OpaquePointer?] = [value]
        var outputNames: [UnsafePointer<CChar>?] = cNames.map { UnsafePointer($0) }
        try runtime.check(api.Run(session, nil, &inputNames, &inputValues, 1, &outputNames, names.count, &results))
        var out: [(values: [Double], shape: [Int64])] = []
        for (index, result) in results.enumerated() {
            guard let result else { throw ONNXError("output \(names[index]) is missing from the run's results") }
            var info: OpaquePointer?
            try runtime.check(api.GetTensorTypeAndShape(result, &info))
            defer { api.ReleaseTensorTypeAndShapeInfo(info) }
            let (elementType, dims) = try Self.typeAndShape(runtime, info)
            var count = 0
            try runtime.check(api.GetTensorShapeElementCount(info, &count))
            var raw: UnsafeMutableRawPointer?
            try runtime.check(api.GetTensorMutableData(result, &raw))
            guard let raw else { throw ONNXError("output \(names[index]) has no data") }
            switch elementType {
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT:
                let floats = raw.bindMemory(to: Float.self, capacity: count)
                out.append(((0..<count).map { Double(floats[$0]) }, dims))
            case ONNX_TENSOR_ELEMENT_DATA_TYPE_DOUBLE:
                let doubles = raw.bindMemory(to: Double.self, capacity: count)
                out.append(((0..<count).map { doubles[$0] }, dims))
            default:
                throw ONNXError("output \(names[index]) is not float32 or float64 (element type \(elementType.rawValue))")
            }
        }
        return out
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
