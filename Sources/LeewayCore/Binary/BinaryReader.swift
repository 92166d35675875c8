/// Reads what ``BinaryWriter`` wrote; every read checks the bounds and throws when the bytes
/// run out or hold an impossible value.
public struct BinaryReader {
    /// Why bytes could not be read.
    public struct Malformed: Error, Sendable, CustomStringConvertible {
        /// What was wrong, and where.
        public var description: String
    }

    private let bytes: [UInt8]
    private var index = 0

    /// Reads `bytes` from the start.
    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Whether every byte has been read.
    public var isAtEnd: Bool { index == bytes.count }

    private mutating func take(_ count: Int) throws(Malformed) -> ArraySlice<UInt8> {
        guard count <= bytes.count - index else {
            throw Malformed(description: "needed \(count) bytes at byte \(index) of \(bytes.count)")
        }
        defer { index += count }
        return bytes[index..<index + count]
    }

    /// Reads a byte.
    public mutating func byte() throws(Malformed) -> UInt8 { try take(1).first! }

    /// Reads a 32-bit unsigned integer.
    public mutating func uint32() throws(Malformed) -> UInt32 {
        try take(4).reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// Reads a 64-bit integer.
    public mutating func int64() throws(Malformed) -> Int64 {
        Int64(bitPattern: try take(8).reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
    }

    /// Reads a double.
    public mutating func double() throws(Malformed) -> Double { Double(bitPattern: UInt64(bitPattern: try int64())) }

    /// Reads an optional double.
    public mutating func optionalDouble() throws(Malformed) -> Double? {
        switch try byte() {
        case 0: return nil
        case 1: return try double()
        case let flag: throw Malformed(description: "presence flag \(flag) at byte \(index - 1)")
        }
    }

    /// Reads a length-prefixed UTF-8 string.
    public mutating func string() throws(Malformed) -> String {
        let count = Int(try byte())
        guard let text = String(validating: try take(count), as: UTF8.self) else {
            throw Malformed(description: "invalid UTF-8 in a string ending at byte \(index)")
        }
        return text
    }
}
