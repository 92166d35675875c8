/// Remembers the event times of a vessel's most recent applied reports so an exact resend
/// (same vessel, same `ts`) is recognised even when it arrives late and out of order.
/// Fixed-size: a ring of the last ``capacity`` times, kept as milliseconds modulo 2³²
/// (49 days, far beyond any allowed lateness).
public struct ResendGuard: Sendable {
    /// How many recent reports are remembered: at one report a minute, 6.4 hours.
    public static let capacity = 384

    var times: InlineArray<384, UInt32>
    var next: UInt16 = 0
    var filled: UInt16 = 0

    /// Remembers nothing.
    public init() { times = InlineArray(repeating: 0) }

    @inline(__always) static func key(_ time: EventTime) -> UInt32 {
        UInt32(truncatingIfNeeded: time.microseconds.floorDivided(by: 1000).quotient)
    }

    /// Whether a report at `time` was applied among the remembered ones.
    public func contains(_ time: EventTime) -> Bool {
        let key = Self.key(time)
        for index in 0..<Int(filled) where times[index] == key { return true }
        return false
    }

    /// Remembers a report at `time`, forgetting the oldest when full.
    public mutating func insert(_ time: EventTime) {
        times[Int(next)] = Self.key(time)
        next = next + 1 == Self.capacity ? 0 : next + 1
        if Int(filled) < Self.capacity { filled += 1 }
    }
}
