/// A record to send: topic, optional key (which picks the partition), value and headers.
public struct ProducerRecord: Sendable {
    /// The destination topic.
    public var topic: String
    /// The key; records with equal keys land on the same partition (Java-compatible murmur2).
    public var key: [UInt8]?
    /// The value; nil is a tombstone on compacted topics.
    public var value: [UInt8]?
    /// Headers, in order.
    public var headers: [KafkaHeader]
    /// An explicit partition, overriding the key's.
    public var partition: Int32?
    /// Event time in milliseconds since 1970; nil lets the client stamp it.
    public var timestampMilliseconds: Int64?

    /// Creates a record.
    public init(topic: String, key: [UInt8]?, value: [UInt8]?, headers: [KafkaHeader] = [],
                partition: Int32? = nil, timestampMilliseconds: Int64? = nil) {
        self.topic = topic
        self.key = key
        self.value = value
        self.headers = headers
        self.partition = partition
        self.timestampMilliseconds = timestampMilliseconds
    }

    /// Creates a record with a text key.
    public init(topic: String, key: String, value: [UInt8]?, headers: [KafkaHeader] = []) {
        self.init(topic: topic, key: Array(key.utf8), value: value, headers: headers)
    }
}
