import Foundation

extension ModelArtifact {
    /// Artifact JSON: snake_case keys, sorted, indented for review and diffs.
    public func encoded() -> Data {
        // Encoding plain values cannot fail.
        (try? Self.encoder.encode(self)) ?? Data()
    }

    /// Decodes artifact JSON; the error names what is wrong.
    public static func decode(_ data: Data) throws(ArtifactError) -> ModelArtifact {
        do {
            return try decoder.decode(ModelArtifact.self, from: data)
        } catch {
            throw .malformed(describe(error))
        }
    }

    /// The content hash this artifact should carry: SHA-256 of its encoding with the version,
    /// review fields and hash blanked.
    public var computedContentHash: String {
        var content = self
        content.version = 0
        content.status = .pending
        content.approvedBy = nil
        content.approvedAt = nil
        content.notes = nil
        content.contentHash = ""
        return SHA256.hex(Array(content.encoded()))
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .throw
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }()
}

/// A decoding error in words: the path to the offending member and what was expected.
func describe(_ error: any Error) -> String {
    guard let error = error as? DecodingError else { return "\(error)" }
    func path(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        return path.isEmpty ? "the document" : path
    }
    switch error {
    case .keyNotFound(let key, let context): return "\(path(context)): missing member \(key.stringValue)"
    case .typeMismatch(_, let context): return "\(path(context)): \(context.debugDescription)"
    case .valueNotFound(_, let context): return "\(path(context)): \(context.debugDescription)"
    case .dataCorrupted(let context): return "\(path(context)): \(context.debugDescription)"
    @unknown default: return "\(error)"
    }
}
