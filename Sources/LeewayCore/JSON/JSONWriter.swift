/// Appends JSON to a byte buffer without intermediate strings: the encoder of the hot path.
public struct JSONWriter: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8]

    /// A writer with room for `capacity` bytes.
    public init(capacity: Int = 512) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Appends raw ASCII (member names, punctuation, enum names): no escaping.
    public mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends text that needs no escaping (ids restricted to a safe alphabet, enum raw values).
    public mutating func plain(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends a non-negative integer, zero-padded to `width` digits.
    public mutating func digits(_ value: Int64, width: Int = 1) {
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &buffer) { scratch in
            var v = value, n = 0
            repeat {
                scratch[23 - n] = UInt8(truncatingIfNeeded: v % 10) &+ 0x30
                v /= 10
                n += 1
            } while v > 0 && n < 24
            while n < width && n < 24 {
                scratch[23 - n] = 0x30
                n += 1
            }
            bytes.append(contentsOf: scratch[(24 - n)...])
        }
    }

    /// Appends a number that parses back to exactly `value`: fixed-point with up to four
    /// decimals when that is exact (sensor readings are), else Swift's shortest form.
    public mutating func number(_ value: Double) {
        let scaled = (value * 10_000).rounded()
        guard abs(scaled) < 1e15, scaled / 10_000 == value else {
            plain("\(value)")
            return
        }
        var units = Int64(scaled)
        if units < 0 {
            bytes.append(0x2D)
            units = -units
        }
        digits(units / 10_000)
        var fraction = units % 10_000
        guard fraction != 0 else { return }
        var width = 4
        while fraction % 10 == 0 {
            fraction /= 10
            width -= 1
        }
        bytes.append(0x2E)
        digits(fraction, width: width)
    }

    /// Appends an event time as a quoted RFC 3339 UTC string.
    public mutating func time(_ time: EventTime) {
        let (days, remainder) = time.microseconds.floorDivided(by: 86_400_000_000)
        let (y, m, d) = EventTime.civil(fromDays: days)
        let seconds = remainder / 1_000_000, micros = remainder % 1_000_000
        bytes.append(0x22)
        digits(y, width: 4); bytes.append(0x2D); digits(m, width: 2); bytes.append(0x2D); digits(d, width: 2)
        bytes.append(0x54)
        digits(seconds / 3600, width: 2); bytes.append(0x3A); digits(seconds / 60 % 60, width: 2); bytes.append(0x3A)
        digits(seconds % 60, width: 2)
        if micros != 0 {
            bytes.append(0x2E)
            digits(micros, width: 6)
        }
        bytes.append(0x5A)
        bytes.append(0x22)
    }
}
