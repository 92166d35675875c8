/// Appends fixed-width little-endian values to a byte array: the state changelog's encoding.
public struct BinaryWriter {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []

    /// An empty writer with room for `capacity` bytes.
    public init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// Appends a byte.
    public mutating func write(_ value: UInt8) { bytes.append(value) }

    /// Appends a 32-bit unsigned integer.
    public mutating func write(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Appends a 64-bit integer.
    public mutating func write(_ value: Int64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Appends a double's bits exactly.
    public mutating func write(_ value: Double) { write(Int64(bitPattern: value.bitPattern)) }

    /// Appends a presence byte and, when present, the double.
    public mutating func write(_ value: Double?) {
        write(UInt8(value == nil ? 0 : 1))
        if let value { write(value) }
    }

    /// Appends a length-prefixed UTF-8 string (at most 255 bytes).
    public mutating func write(_ text: String) {
        let utf8 = Array(text.utf8.prefix(255))
        write(UInt8(utf8.count))
        bytes.append(contentsOf: utf8)
    }
}
