/// Writes JSON straight into a fixed buffer, without intermediate strings or per-byte
/// capacity checks: the encoder of the hot path. Use it through ``encode(capacity:_:)``;
/// the caller bounds what it writes by `capacity`.
public struct JSONWriter {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private var count = 0

    private init(_ buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

    /// The bytes `body` writes, which must fit in `capacity` (a precondition).
    public static func encode(capacity: Int, _ body: (inout JSONWriter) -> Void) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: capacity) { storage, initialized in
            var writer = JSONWriter(storage)
            body(&writer)
            initialized = writer.count
        }
    }

    @inline(__always) private mutating func byte(_ value: UInt8) {
        precondition(count < buffer.count, "JSONWriter capacity exceeded")
        buffer[count] = value
        count += 1
    }

    @inline(__always) private mutating func append(_ source: UnsafeBufferPointer<UInt8>) {
        precondition(count + source.count <= buffer.count, "JSONWriter capacity exceeded")
        let target = buffer.baseAddress! + count
        if source.count <= 32 {
            // Member names and punctuation: a call to memmove costs more than the copy.
            for k in 0..<source.count { target[k] = source[k] }
        } else {
            UnsafeMutableRawPointer(target).copyMemory(from: source.baseAddress!, byteCount: source.count)
        }
        count += source.count
    }

    /// Appends raw ASCII (member names, punctuation, enum names): no escaping.
    public mutating func raw(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends text that needs no escaping (ids restricted to a safe alphabet, enum raw values).
    public mutating func plain(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// Appends a non-negative integer, zero-padded to `width` digits.
    public mutating func digits(_ value: Int64, width: Int = 1) {
        var rest = UInt64(max(0, value))
        var count = 1
        var probe = rest
        while probe >= 10 {
            probe /= 10
            count += 1
        }
        let total = max(width, count)
        precondition(self.count + total <= buffer.count, "JSONWriter capacity exceeded")
        // Right to left; dividing by the constant 10 compiles to a multiplication.
        var index = self.count + total - 1
        for _ in 0..<total {
            buffer[index] = UInt8(truncatingIfNeeded: rest % 10) &+ 0x30
            rest /= 10
            index -= 1
        }
        self.count += total
    }

    /// Appends a number that parses back to exactly `value`: fixed-point with up to six
    /// decimals when that is exact (sensor readings are), else Swift's shortest form.
    public mutating func number(_ value: Double) {
        let scaled = (value * 1_000_000).rounded()
        guard abs(scaled) < 1e15, scaled / 1_000_000 == value else {
            plain("\(value)")
            return
        }
        var units = Int64(scaled)
        if units < 0 {
            byte(0x2D)
            units = -units
        }
        digits(units / 1_000_000)
        var fraction = units % 1_000_000
        guard fraction != 0 else { return }
        var width = 6
        while fraction % 10 == 0 {
            fraction /= 10
            width -= 1
        }
        byte(0x2E)
        digits(fraction, width: width)
    }

    /// Appends an event time as a quoted RFC 3339 UTC string.
    public mutating func time(_ time: EventTime) {
        byte(0x22)
        rfc3339(time)
        byte(0x22)
    }

    /// Appends an event time as RFC 3339 UTC, microseconds when not whole seconds.
    mutating func rfc3339(_ time: EventTime) {
        let (days, remainder) = time.microseconds.floorDivided(by: 86_400_000_000)
        let (y, m, d) = EventTime.civil(fromDays: days)
        let seconds = remainder / 1_000_000, micros = remainder % 1_000_000
        digits(y, width: 4); byte(0x2D); digits(m, width: 2); byte(0x2D); digits(d, width: 2)
        byte(0x54)
        digits(seconds / 3600, width: 2); byte(0x3A); digits(seconds / 60 % 60, width: 2); byte(0x3A)
        digits(seconds % 60, width: 2)
        if micros != 0 {
            byte(0x2E)
            digits(micros, width: 6)
        }
        byte(0x5A)
    }
}

extension JSONWriter {
    /// Appends `value` rounded to `decimals` (0…6) places: short, exact output for model
    /// values that carry more digits than any sensor resolves.
    public mutating func number(_ value: Double, decimals: Int) {
        let scale: Double = switch decimals {
        case ...0: 1
        case 1: 10
        case 2: 100
        case 3: 1000
        case 4: 10_000
        case 5: 100_000
        default: 1_000_000
        }
        number((value * scale).rounded() / scale)
    }

    /// Appends `value` rounded to `decimals` places, or `null`.
    public mutating func number(_ value: Double?, decimals: Int) {
        if let value { number(value, decimals: decimals) } else { raw("null") }
    }

    /// Appends a quoted string that needs no escaping, or `null`.
    public mutating func quoted(_ text: String?) {
        guard let text else { return raw("null") }
        raw("\"")
        plain(text)
        raw("\"")
    }
}

extension JSONWriter {
    /// Appends `text` as a quoted JSON string, escaping quotes, backslashes and control
    /// characters (free text: summaries, URLs).
    public mutating func string(_ text: String) {
        raw("\"")
        var text = text
        let clean = text.withUTF8 { bytes in !bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C } }
        if clean {
            plain(text)
            return raw("\"")
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": raw("\\\"")
            case "\\": raw("\\\\")
            case "\n": raw("\\n")
            case "\r": raw("\\r")
            case "\t": raw("\\t")
            case let c where c.value < 0x20:
                let hex = Array("0123456789abcdef")
                plain("\\u00\(hex[Int(c.value >> 4)])\(hex[Int(c.value & 0xF)])")
            default:
                plain(String(scalar))
            }
        }
        raw("\"")
    }
}
