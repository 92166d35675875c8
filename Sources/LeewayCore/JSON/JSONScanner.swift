/// A strict, allocation-free JSON scanner (for inputs under 2 GiB) over UTF-8 bytes: it walks values, checks syntax,
/// string escapes and UTF-8, and parses numbers, without building a document.
/// Besides RFC 8259 it recognises the bare tokens `NaN`, `Infinity` and `-Infinity` as
/// ``Scalar/nonFinite`` so a caller can say "bad type" rather than "malformed".
struct JSONScanner {
    /// Why the bytes are not JSON.
    struct Malformed: Error {
        var position: Int
        var problem: String
    }

    /// A scanned value; strings are located, not copied.
    enum Scalar {
        case string(start: Int32, end: Int32, escaped: Bool)
        case number(Double)
        case nonFinite
        case boolean
        case null
        case container
    }

    let bytes: UnsafeRawBufferPointer
    var index = 0
    static let maxDepth = 64

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    @inline(__always) var atEnd: Bool { index >= bytes.count }
    @inline(__always) var current: UInt8 { index < bytes.count ? bytes[index] : 0 }

    func fail(_ problem: String) -> Malformed { Malformed(position: index, problem: problem) }

    @inline(__always) mutating func skipWhitespace() {
        while index < bytes.count {
            let c = bytes[index]
            guard c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else { return }
            index += 1
        }
    }

    @inline(__always) mutating func expect(_ byte: UInt8, _ what: StaticString) throws(Malformed) {
        guard current == byte else { throw fail("expected \(what)") }
        index += 1
    }

    /// Scans any value; containers are checked and skipped.
    @inline(__always) mutating func scanValue(depth: Int) throws(Malformed) -> Scalar {
        switch current {
        case 0x22: return try scanString()
        case 0x7B, 0x5B:
            try skipContainer(depth: depth + 1)
            return .container
        case 0x74: try literal("true"); return .boolean
        case 0x66: try literal("false"); return .boolean
        case 0x6E: try literal("null"); return .null
        case 0x4E: try literal("NaN"); return .nonFinite
        case 0x49: try literal("Infinity"); return .nonFinite
        case 0x2D where index + 1 < bytes.count && bytes[index + 1] == 0x49:
            index += 1
            try literal("Infinity")
            return .nonFinite
        case 0x2D, 0x30...0x39: return .number(try scanNumber())
        default: throw fail(atEnd ? "unexpected end" : "unexpected character")
        }
    }

    private mutating func literal(_ word: StaticString) throws(Malformed) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw fail("truncated literal") }
        for k in 0..<count where bytes[index + k] != word.utf8Start[k] { throw fail("bad literal") }
        index += count
    }

    private mutating func skipContainer(depth: Int) throws(Malformed) {
        guard depth <= Self.maxDepth else { throw fail("nested deeper than \(Self.maxDepth)") }
        let isObject = current == 0x7B
        let close: UInt8 = isObject ? 0x7D : 0x5D
        index += 1
        skipWhitespace()
        if current == close {
            index += 1
            return
        }
        while true {
            if isObject {
                guard case .string = try scanString() else { throw fail("expected member name") }
                skipWhitespace()
                try expect(0x3A, "':'")
                skipWhitespace()
            }
            _ = try scanValue(depth: depth)
            skipWhitespace()
            if current == 0x2C {
                index += 1
                skipWhitespace()
                continue
            }
            try expect(close, isObject ? "',' or '}'" : "',' or ']'")
            return
        }
    }

    /// Scans a string at the opening quote, checking escapes and UTF-8.
    mutating func scanString() throws(Malformed) -> Scalar {
        index += 1
        let start = index
        var escaped = false
        let n = bytes.count
        while index < n {
            // Eight plain ASCII bytes at a time (no quote, backslash, control or non-ASCII byte).
            while index + 8 <= n {
                let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                guard !Self.needsAttention(word) else { break }
                index += 8
            }
            guard index < n else { break }
            let c = bytes[index]
            if c == 0x22 {
                index += 1
                return .string(start: Int32(start), end: Int32(index - 1), escaped: escaped)
            }
            if c == 0x5C {
                escaped = true
                try scanEscape()
            } else if c < 0x20 {
                throw fail("control character in string")
            } else if c < 0x80 {
                index += 1
            } else {
                try scanUTF8(lead: c)
            }
        }
        throw fail("unterminated string")
    }

    private mutating func scanEscape() throws(Malformed) {
        guard index + 1 < bytes.count else { throw fail("truncated escape") }
        switch bytes[index + 1] {
        case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74:
            index += 2
        case 0x75:
            guard index + 5 < bytes.count else { throw fail("truncated \\u escape") }
            for k in 2...5 where Self.hexValue(bytes[index + k]) == nil { throw fail("bad \\u escape") }
            index += 6
        default:
            throw fail("bad escape")
        }
    }

    private mutating func scanUTF8(lead: UInt8) throws(Malformed) {
        let count: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: count = 1
        case 0xE0: count = 2; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: count = 2
        case 0xED: count = 2; high = 0x9F
        case 0xF0: count = 3; low = 0x90
        case 0xF1...0xF3: count = 3
        case 0xF4: count = 3; high = 0x8F
        default: throw fail("invalid UTF-8")
        }
        guard index + count < bytes.count else { throw fail("truncated UTF-8") }
        let second = bytes[index + 1]
        guard second >= low, second <= high else { throw fail("invalid UTF-8") }
        if count > 1 {
            for k in 2...count where bytes[index + k] & 0xC0 != 0x80 { throw fail("invalid UTF-8") }
        }
        index += count + 1
    }

    /// Whether any byte of `word` is a quote, a backslash, below 0x20 or above 0x7F (SWAR).
    @inline(__always) static func needsAttention(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        let quote = hasZero(word ^ 0x2222_2222_2222_2222)
        let backslash = hasZero(word ^ 0x5C5C_5C5C_5C5C_5C5C)
        let control = (word &- 0x2020_2020_2020_2020) & ~word & highs
        return (quote | backslash | control | (word & highs)) != 0
    }

    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x41...0x46: c - 0x41 + 10
        case 0x61...0x66: c - 0x61 + 10
        default: nil
        }
    }
}
