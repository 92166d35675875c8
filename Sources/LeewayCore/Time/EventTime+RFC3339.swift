extension EventTime {
    /// Parses RFC 3339 (`2026-11-29T08:00:00Z`, optional fraction, `Z` or a `±hh:mm` offset,
    /// `T`/`t` and `Z`/`z` either case) into UTC. Nil for anything else, including impossible
    /// dates and leap seconds.
    public init?(rfc3339 bytes: UnsafeRawBufferPointer) {
        let n = bytes.count
        guard n >= 20 else { return nil }
        func digits(_ at: Int, _ count: Int) -> Int64? {
            var value: Int64 = 0
            for i in at..<(at + count) {
                let c = bytes[i] &- 0x30
                guard c < 10 else { return nil }
                value = value * 10 + Int64(c)
            }
            return value
        }
        guard let year = digits(0, 4), bytes[4] == 0x2D, let month = digits(5, 2), bytes[7] == 0x2D,
              let day = digits(8, 2), bytes[10] == 0x54 || bytes[10] == 0x74,
              let hour = digits(11, 2), bytes[13] == 0x3A, let minute = digits(14, 2), bytes[16] == 0x3A,
              let second = digits(17, 2) else { return nil }
        guard (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year),
              hour < 24, minute < 60, second < 60 else { return nil }
        var i = 19
        var micros: Int64 = 0
        if bytes[i] == 0x2E {
            i += 1
            var scale: Int64 = 100_000
            let start = i
            while i < n, bytes[i] &- 0x30 < 10 {
                micros += Int64(bytes[i] &- 0x30) * scale
                scale /= 10
                i += 1
            }
            guard i > start else { return nil }
        }
        guard i < n else { return nil }
        var offsetMinutes: Int64 = 0
        switch bytes[i] {
        case 0x5A, 0x7A:
            i += 1
        case 0x2B, 0x2D:
            guard n - i == 6, let h = digits(i + 1, 2), bytes[i + 3] == 0x3A, let m = digits(i + 4, 2), h < 24, m < 60 else { return nil }
            offsetMinutes = (h * 60 + m) * (bytes[i] == 0x2D ? -1 : 1)
            i += 6
        default:
            return nil
        }
        guard i == n else { return nil }
        let days = Self.days(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetMinutes * 60
        self.init(microseconds: seconds * 1_000_000 + micros)
    }

    /// Parses RFC 3339 text.
    public init?(rfc3339 text: String) {
        var text = text
        guard let parsed = text.withUTF8({ EventTime(rfc3339: UnsafeRawBufferPointer($0)) }) else { return nil }
        self = parsed
    }

    static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
