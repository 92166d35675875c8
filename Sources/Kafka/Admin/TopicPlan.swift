/// What `topics apply` does to make a cluster match the declared topics: create what is
/// missing and report, never silently change, what differs.
public struct TopicPlan: Sendable, Equatable {
    /// One declared topic's fate.
    public enum Step: Sendable, Equatable {
        /// The topic is missing and will be created.
        case create(TopicSpec)
        /// The topic exists as declared.
        case upToDate(String)
        /// The topic exists but differs; each string says how and what to do.
        case differs(String, [String])
    }

    /// One step per declared topic, in declaration order.
    public var steps: [Step]

    /// Compares the declarations with what the cluster has.
    public init(declared: [TopicSpec], existing: [TopicDescription]) {
        let byName = Dictionary(existing.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        steps = declared.map { spec in
            guard let actual = byName[spec.name] else { return .create(spec) }
            let differences = Self.differences(spec, actual)
            return differences.isEmpty ? .upToDate(spec.name) : .differs(spec.name, differences)
        }
    }

    /// The topics to create.
    public var creations: [TopicSpec] {
        steps.compactMap { if case .create(let spec) = $0 { spec } else { nil } }
    }

    private static func differences(_ spec: TopicSpec, _ actual: TopicDescription) -> [String] {
        var differences: [String] = []
        if actual.partitions < spec.partitions {
            differences.append("has \(actual.partitions) partitions, declared \(spec.partitions): add them with kafka-topics --alter (keys move to new partitions)")
        } else if actual.partitions > spec.partitions {
            differences.append("has \(actual.partitions) partitions, declared \(spec.partitions): partitions cannot be removed; update the declaration")
        }
        guard let configs = actual.configs else { return differences }
        for (name, value) in spec.configs.sorted(by: { $0.key < $1.key }) where configs[name] != value {
            differences.append("\(name) is \(configs[name] ?? "the broker default"), declared \(value)")
        }
        return differences
    }
}
