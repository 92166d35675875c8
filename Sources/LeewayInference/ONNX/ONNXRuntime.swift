import COnnxRuntime

/// ONNX Runtime's C API, loaded once per process: the versioned API table of the header
/// Leeway was built with (a library at or above that version serves it) and one shared
/// environment, logging warnings only.
final class ONNXRuntime: @unchecked Sendable {
    // The API table and environment are immutable after creation and thread-safe in ONNX
    // Runtime; hence unchecked.
    let api: UnsafePointer<OrtApi>
    let env: OpaquePointer

    /// The process's runtime, or why it cannot be had.
    static let shared: Result<ONNXRuntime, ONNXError> = Result { () throws(ONNXError) in try ONNXRuntime() }

    private init() throws(ONNXError) {
        guard let api = leeway_ort_api() else {
            throw ONNXError("the loaded ONNX Runtime library is older than C API version \(leeway_ort_api_version()) (make deps installs a newer one)")
        }
        self.api = api
        var env: OpaquePointer?
        try Self.check(api, api.pointee.CreateEnv(ORT_LOGGING_LEVEL_WARNING, "leeway", &env))
        guard let env else { throw ONNXError("ONNX Runtime created no environment") }
        self.env = env
    }

    /// Throws the message of `status` (releasing it) unless it is nil, the API's success.
    static func check(_ api: UnsafePointer<OrtApi>, _ status: OpaquePointer?) throws(ONNXError) {
        guard let status else { return }
        let message = api.pointee.GetErrorMessage(status).map { String(cString: $0) } ?? "unknown error"
        api.pointee.ReleaseStatus(status)
        throw ONNXError(message)
    }

    /// `check` with this runtime's API.
    func check(_ status: OpaquePointer?) throws(ONNXError) { try Self.check(api, status) }
}

/// An ONNX Runtime failure or a graph that breaks the model contract, in words.
public struct ONNXError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public var message: String

    /// An error saying `message`.
    public init(_ message: String) { self.message = message }

    public var description: String { "ONNX Runtime: \(message)" }
}
