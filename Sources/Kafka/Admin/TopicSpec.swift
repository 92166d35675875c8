/// A topic as the repository declares it: the cluster should have it exactly so.
public struct TopicSpec: Codable, Sendable, Equatable {
    /// The topic's name.
    public var name: String
    /// What one sentence says the topic is for.
    public var description: String?
    /// What the record key holds.
    public var key: String?
    /// The JSON Schema of the values, relative to the declaring file's folder.
    public var valueSchema: String?
    /// Number of partitions.
    public var partitions: Int
    /// Replicas per partition; nil takes the broker's `default.replication.factor`.
    public var replicationFactor: Int?
    /// Topic configs, e.g. `cleanup.policy`, `retention.ms`.
    public var configs: [String: String]

    /// Declares a topic.
    public init(name: String, partitions: Int, replicationFactor: Int? = nil, configs: [String: String] = [:]) {
        self.name = name
        self.partitions = partitions
        self.replicationFactor = replicationFactor
        self.configs = configs
    }

    enum CodingKeys: String, CodingKey {
        case name, description, key, partitions, configs
        case valueSchema = "value_schema"
        case replicationFactor = "replication_factor"
    }
}

/// A topic as the cluster has it.
public struct TopicDescription: Sendable, Equatable {
    /// The topic's name.
    public var name: String
    /// Number of partitions.
    public var partitions: Int
    /// The topic's configs as the broker reports them, defaults included; nil when the
    /// broker could not describe them.
    public var configs: [String: String]?

    /// Describes a topic.
    public init(name: String, partitions: Int, configs: [String: String]?) {
        self.name = name
        self.partitions = partitions
        self.configs = configs
    }
}
