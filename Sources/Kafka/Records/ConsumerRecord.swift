/// A record read from a partition.
public struct ConsumerRecord: Sendable {
    /// The topic it came from.
    public var topic: String
    /// The partition it came from.
    public var partition: Int32
    /// Its offset in that partition.
    public var offset: Int64
    /// Its key, if it had one.
    public var key: [UInt8]?
    /// Its value; nil for a tombstone.
    public var value: [UInt8]?
    /// Its headers, in order.
    public var headers: [KafkaHeader]
    /// Its timestamp in milliseconds since 1970, if the broker gave one.
    public var timestampMilliseconds: Int64?

    /// Where a consumer continues after this record: its offset plus one.
    public var nextPosition: TopicPartitionOffset {
        TopicPartitionOffset(TopicPartition(topic, partition), offset: offset + 1)
    }
}
