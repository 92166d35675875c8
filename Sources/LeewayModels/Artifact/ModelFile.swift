import Foundation

/// A model file carried inside its artifact, so that the registry topic alone is enough to
/// serve it on any machine: an ONNX graph, base64-encoded, with its SHA-256.
public struct ModelFile: Codable, Sendable, Equatable {
    /// The file's format: `onnx`.
    public var format: String
    /// SHA-256 of the file's bytes, lowercase hex.
    public var sha256: String
    /// The file's size in bytes.
    public var sizeBytes: Int
    /// The file's bytes, base64.
    public var base64: String

    /// The largest file an artifact carries: the registry's records must stay under Kafka's
    /// default 1 MiB message limit.
    public static let maximumBytes = 700 * 1024

    /// An ONNX file of `bytes`.
    public init(onnx bytes: [UInt8]) {
        format = "onnx"
        sha256 = SHA256.hex(bytes)
        sizeBytes = bytes.count
        base64 = Data(bytes).base64EncodedString()
    }

    /// The file's bytes, after checking them against the recorded size and SHA-256.
    public func bytes() throws(ArtifactError) -> [UInt8] {
        guard let data = Data(base64Encoded: base64) else { throw .modelFile("model_file.base64 is not base64") }
        let bytes = [UInt8](data)
        guard bytes.count == sizeBytes else { throw .modelFile("model_file holds \(bytes.count) bytes, size_bytes says \(sizeBytes)") }
        let hash = SHA256.hex(bytes)
        guard hash == sha256 else { throw .modelFile("model_file's bytes hash to \(hash), sha256 says \(sha256) (the file was altered)") }
        return bytes
    }
}
