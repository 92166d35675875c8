import Hummingbird

/// One record as the cache serves it: its value, already encoded, with the entity tag
/// that changes whenever the record does.
public struct CachedRecord: Sendable {
    /// The record's value, served as is.
    public var body: ByteBuffer
    /// A strong entity tag (quoted): the record's partition and offset, stable across
    /// cache restarts because the log is.
    public var etag: String
    /// When the record entered Kafka, seconds since 1970 (its freshness clock).
    public var timestamp: Double

    /// A record read at `partition`/`offset` with Kafka timestamp `timestampMilliseconds`.
    public init(value: [UInt8], partition: Int32, offset: Int64, timestampMilliseconds: Int64?) {
        body = ByteBuffer(bytes: value)
        etag = "\"\(partition)-\(offset)\""
        timestamp = Double(timestampMilliseconds ?? 0) / 1_000
    }
}
