/// One record header: a name and optional bytes.
public struct KafkaHeader: Sendable, Hashable {
    /// The header's name.
    public var name: String
    /// The header's bytes; nil is a header without a value.
    public var value: [UInt8]?

    /// Creates a header with raw bytes.
    public init(_ name: String, _ value: [UInt8]?) {
        self.name = name
        self.value = value
    }

    /// Creates a header holding the UTF-8 bytes of `value`.
    public init(_ name: String, _ value: String) {
        self.init(name, Array(value.utf8))
    }

    /// The value decoded as UTF-8, when it is valid UTF-8.
    public var stringValue: String? {
        value.flatMap { String(validating: $0, as: UTF8.self) }
    }
}

extension Array where Element == KafkaHeader {
    /// The value of the first header called `name`, as UTF-8 text.
    public func string(_ name: String) -> String? {
        first { $0.name == name }?.stringValue
    }
}
