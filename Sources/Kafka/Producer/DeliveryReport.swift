/// The broker's answer for one sent record.
public struct DeliveryReport: Sendable {
    /// The token given to ``KafkaProducer/send(_:token:)``, to match reports to records.
    public var token: UInt64
    /// The partition the record went to (-1 if it never got one).
    public var partition: Int32
    /// The record's offset, when it was written and the broker told.
    public var offset: Int64?
    /// Why delivery failed; nil on success.
    public var error: KafkaError?

    /// Whether the broker acknowledged the record.
    public var succeeded: Bool { error == nil }
}
