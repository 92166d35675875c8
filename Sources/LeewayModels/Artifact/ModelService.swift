/// Where an `oip` model runs: a model server speaking the Open Inference Protocol V2 over
/// REST (KServe, MLServer, Triton), and the model (and version) it serves there. Pin a
/// version: the checks and the audit report are about what answered at import.
public struct ModelService: Codable, Sendable, Equatable {
    /// The server's base URL, `http://host:port` (a path prefix is kept).
    public var url: String
    /// The model's name on the server.
    public var model: String
    /// The model's version on the server, if it has versions.
    public var version: String?

    /// A model `model` (version `version`) on the server at `url`.
    public init(url: String, model: String, version: String? = nil) {
        self.url = url
        self.model = model
        self.version = version
    }

    /// `/v2/models/{name}[/versions/{v}]`, after the base URL.
    public var modelPath: String {
        "/v2/models/\(model)" + (version.map { "/versions/\($0)" } ?? "")
    }

    /// Checks the URL and names: an http(s) URL with a host, path-safe model and version names.
    public func validate() throws(ArtifactError) {
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), url.split(separator: "/").count >= 2 else {
            throw .modelService("service.url must be http://host:port or https://host:port, got \"\(url)\"")
        }
        let safe = { (text: String) in !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || "-_.".contains($0) } }
        guard safe(model) else { throw .modelService("service.model must be letters, digits, '-', '_' or '.', got \"\(model)\"") }
        if let version, !safe(version) {
            throw .modelService("service.version must be letters, digits, '-', '_' or '.', got \"\(version)\"")
        }
    }
}
