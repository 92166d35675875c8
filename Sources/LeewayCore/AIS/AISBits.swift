/// The bits of an AIS payload, de-armoured from its 6-bit ASCII, read MSB first.
public struct AISBits: Sendable {
    private var bits: [UInt8]

    /// The number of bits.
    public var count: Int { bits.count }

    /// De-armours `payload`, dropping `fillBits` at the end; nil for characters outside the
    /// armour alphabet.
    public init?(payload: some StringProtocol, fillBits: Int = 0) {
        var bits: [UInt8] = []
        bits.reserveCapacity(payload.utf8.count * 6)
        for c in payload.utf8 {
            guard c >= 48, c <= 119, !(88...95).contains(c) else { return nil }
            var v = c - 48
            if v > 40 { v -= 8 }
            for shift in stride(from: 5, through: 0, by: -1) { bits.append((v >> UInt8(shift)) & 1) }
        }
        bits.removeLast(min(fillBits, bits.count))
        self.bits = bits
    }

    /// An unsigned field; bits past the end read as zero (short type 5 and 24 messages).
    public func unsigned(_ start: Int, _ length: Int) -> UInt64 {
        var value: UInt64 = 0
        for i in start..<(start + length) { value = value << 1 | UInt64(i < bits.count ? bits[i] : 0) }
        return value
    }

    /// A two's-complement signed field.
    public func signed(_ start: Int, _ length: Int) -> Int64 {
        let raw = unsigned(start, length)
        return raw & (1 << UInt64(length - 1)) != 0 ? Int64(bitPattern: raw | ~((1 << UInt64(length)) - 1)) : Int64(raw)
    }

    /// Six-bit text, trailing `@` and spaces trimmed.
    public func text(_ start: Int, _ length: Int) -> String {
        var characters: [UInt8] = []
        for i in stride(from: start, to: start + length, by: 6) {
            let v = UInt8(unsigned(i, 6))
            characters.append(v < 32 ? v + 64 : v)
        }
        while let last = characters.last, last == 64 || last == 32 { characters.removeLast() }
        return String(decoding: characters, as: UTF8.self)
    }
}
