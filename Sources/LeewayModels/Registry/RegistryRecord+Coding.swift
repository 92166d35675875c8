import Foundation

extension RegistryRecord {
    /// Registry record JSON (compact: it travels in Kafka).
    public func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = ModelArtifact.nonFinite
        // Plain values with non-finite numbers as strings: encoding cannot fail.
        return Array((try? encoder.encode(self)) ?? Data())
    }

    /// Decodes a registry record; the error names what is wrong.
    public static func decode(_ bytes: [UInt8]) throws(ArtifactError) -> RegistryRecord {
        do {
            return try ModelArtifact.decoder.decode(RegistryRecord.self, from: Data(bytes))
        } catch {
            throw .malformed(describe(error))
        }
    }
}
