import Foundation

/// The topics a repository declares: one `<name>.json` file per topic in a folder, each
/// naming a JSON Schema for its values.
public struct TopicCatalog: Sendable {
    /// The declared topics, sorted by name.
    public var topics: [TopicSpec]

    /// Why a declaration folder cannot be used.
    public struct LoadError: Error, CustomStringConvertible, Sendable {
        /// The offending file.
        public var file: String
        /// What is wrong with it.
        public var reason: String
        public var description: String { "\(file): \(reason)" }
    }

    /// Reads and checks every `*.json` file directly in `directory`.
    public init(directory: URL) throws(LoadError) {
        let files: [URL]
        do {
            files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "json" }
        } catch {
            throw LoadError(file: directory.path, reason: "cannot list topic declarations (\(error.localizedDescription))")
        }
        guard !files.isEmpty else { throw LoadError(file: directory.path, reason: "no topic declarations (*.json)") }
        var topics: [TopicSpec] = []
        for file in files {
            topics.append(try Self.load(file, in: directory))
        }
        self.topics = topics.sorted { $0.name < $1.name }
    }

    private static func load(_ file: URL, in directory: URL) throws(LoadError) -> TopicSpec {
        let spec: TopicSpec
        do {
            spec = try JSONDecoder().decode(TopicSpec.self, from: Data(contentsOf: file))
        } catch {
            throw LoadError(file: file.path, reason: "not a topic declaration: \(error)")
        }
        guard file.deletingPathExtension().lastPathComponent == spec.name else {
            throw LoadError(file: file.path, reason: "declares \(spec.name); the file must be named \(spec.name).json")
        }
        guard spec.partitions > 0 else { throw LoadError(file: file.path, reason: "partitions must be at least 1") }
        if let schema = spec.valueSchema {
            let url = directory.appendingPathComponent(schema)
            guard let data = try? Data(contentsOf: url), (try? JSONSerialization.jsonObject(with: data)) != nil else {
                throw LoadError(file: file.path, reason: "value schema \(schema) is missing or not JSON")
            }
        }
        return spec
    }
}
