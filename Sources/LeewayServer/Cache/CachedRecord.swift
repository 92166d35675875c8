import Hummingbird

/// One record as the cache serves it: its value, already encoded, with the entity tag
/// that changes whenever the record does.
public struct CachedRecord: Sendable {
    /// The record's value, served as is.
    public var body: ByteBuffer
    /// A strong entity tag (quoted): the record's partition and offset, stable across
    /// cache restarts because the log is.
    public var etag: String
    /// When the record entered Kafka, seconds since 1970.
    public var timestamp: Double
    /// When the report behind it was taken (event time), seconds since 1970: the freshness
    /// clock. A late satellite burst makes new records about old reports.
    public var eventTime: Double?

    /// A record read at `partition`/`offset` with Kafka timestamp `timestampMilliseconds`,
    /// about a report of `eventTime` (nil: unknown, the Kafka timestamp stands in).
    public init(value: [UInt8], partition: Int32, offset: Int64, timestampMilliseconds: Int64?, eventTime: Double? = nil) {
        body = ByteBuffer(bytes: value)
        etag = "\"\(partition)-\(offset)\""
        timestamp = Double(timestampMilliseconds ?? 0) / 1_000
        self.eventTime = eventTime
    }

    /// Seconds from the report's event time to `now` (at least 0): what freshness measures.
    public func reportAge(now: Double) -> Double { max(0, now - (eventTime ?? timestamp)) }

    /// Seconds since the record entered Kafka (at least 0).
    public func recordAge(now: Double) -> Double { max(0, now - timestamp) }
}
