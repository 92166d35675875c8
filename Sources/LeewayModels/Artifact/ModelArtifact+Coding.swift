import Foundation

extension ModelArtifact {
    /// Artifact JSON: snake_case keys, sorted, indented for review and diffs. A non-finite
    /// number is written as the string "NaN" or "±Infinity", never dropped: such an artifact
    /// fails its schema and cannot be served (``servingModel()``).
    public func encoded() -> Data {
        // Plain values with non-finite numbers as strings: encoding cannot fail.
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
        encoder.nonConformingFloatEncodingStrategy = nonFinite
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return decoder
    }()

    static let nonFinite = JSONEncoder.NonConformingFloatEncodingStrategy.convertToString(
        positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
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
