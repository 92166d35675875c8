extension TelemetryDecoder {
    /// The fast path for the shape producers send: one flat object whose member names and
    /// string values are plain ASCII without escapes, whose values are numbers, strings or
    /// `null`. Fills `members` exactly as the strict scan would and returns true; returns
    /// false at the first thing outside that shape (escapes, non-ASCII, nesting, booleans,
    /// any syntax error), and the strict scan then gives the verdict and the error.
    static func scanPlain(_ bytes: UnsafeRawBufferPointer, into members: inout InlineArray<18, JSONScanner.Scalar?>) -> Bool {
        guard let p = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return false }
        let n = bytes.count
        var i = 0
        i = Self.skipWhitespace(p, n, i)
        guard i < n, p[i] == 0x7B else { return false }
        i += 1
        i = Self.skipWhitespace(p, n, i)
        if i < n, p[i] == 0x7D {
            i += 1
        } else {
            while true {
                guard i < n, p[i] == 0x22 else { return false }
                i += 1
                let nameStart = i
                guard let nameEnd = Self.plainStringEnd(p, n, i) else { return false }
                i = nameEnd
                i += 1
                i = Self.skipWhitespace(p, n, i)
                guard i < n, p[i] == 0x3A else { return false }
                i += 1
                i = Self.skipWhitespace(p, n, i)
                guard i < n else { return false }
                let value: JSONScanner.Scalar
                switch p[i] {
                case 0x22:
                    i += 1
                    let start = i
                    guard let end = Self.plainStringEnd(p, n, i) else { return false }
                    i = end
                    value = .string(start: Int32(start), end: Int32(end), escaped: false)
                    i += 1
                case 0x2D, 0x30...0x39:
                    var scanner = JSONScanner(bytes)
                    scanner.index = i
                    guard let number = try? scanner.scanNumber() else { return false }
                    i = scanner.index
                    value = .number(number)
                case 0x6E:
                    guard i + 4 <= n, p[i + 1] == 0x75, p[i + 2] == 0x6C, p[i + 3] == 0x6C else { return false }
                    i += 4
                    value = .null
                default:
                    return false
                }
                if let member = member(bytes, nameStart, nameEnd) { members[member] = value }
                i = Self.skipWhitespace(p, n, i)
                guard i < n else { return false }
                if p[i] == 0x2C {
                    i += 1
                    i = Self.skipWhitespace(p, n, i)
                    continue
                }
                guard p[i] == 0x7D else { return false }
                i += 1
                break
            }
        }
        i = Self.skipWhitespace(p, n, i)
        return i == n
    }

    /// The first index from `i` that is not JSON whitespace.
    @inline(__always) private static func skipWhitespace(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: Int) -> Int {
        var i = i
        while i < n {
            let c = p[i]
            guard c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else { return i }
            i += 1
        }
        return i
    }

    /// From the byte after an opening quote: the index of the closing quote, or nil when the
    /// string is not plain (an escape, a control or non-ASCII byte) or is unterminated.
    @inline(__always) private static func plainStringEnd(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: Int) -> Int? {
        var i = i
        while i < n {
            let c = p[i]
            if c == 0x22 { return i }
            guard c >= 0x20, c < 0x80, c != 0x5C else { return nil }
            i += 1
        }
        return nil
    }
}
