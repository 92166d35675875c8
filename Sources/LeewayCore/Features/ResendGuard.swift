/// Remembers the event times of a vessel's applied reports within the allowed lateness of
/// its newest, so an exact resend (same vessel, same `ts`) is recognised even when it
/// arrives late and out of order. Older reports are refused as late before the guard is
/// asked, so forgetting them loses nothing. At most ``capacity`` times are kept (the
/// oldest go first): at one report a minute that is 6.4 hours. Times are kept as
/// milliseconds modulo 2³² (49 days, far beyond any allowed lateness), oldest first, on
/// the heap: a vessel reporting every 5 minutes holds 72, not 384.
public struct ResendGuard: Sendable {
    /// The most recent reports remembered.
    public static let capacity = 384

    var times: [UInt32] = []

    /// Remembers nothing.
    public init() {}

    @inline(__always) static func key(_ time: EventTime) -> UInt32 {
        UInt32(truncatingIfNeeded: time.microseconds.floorDivided(by: 1000).quotient)
    }

    /// Whether a report at `time` was applied among the remembered ones.
    public func contains(_ time: EventTime) -> Bool {
        times.contains(Self.key(time))
    }

    /// Remembers a report at `time`, then forgets every time more than `window` before
    /// `newest` (the vessel's newest event time, `time` included) and the oldest beyond
    /// ``capacity``.
    public mutating func insert(_ time: EventTime, newest: EventTime, window: Duration) {
        times.append(Self.key(time))
        let span = window.components.seconds * 1000 + window.components.attoseconds / 1_000_000_000_000_000
        let cutoff = Self.key(newest) &- UInt32(truncatingIfNeeded: span)
        // Distances in wrapping milliseconds: fine while every kept time is within 24 days
        // of `newest`, which pruning at each insert keeps true for windows shorter than that.
        var stale = 0
        while stale < times.count, Int32(bitPattern: times[stale] &- cutoff) < 0 { stale += 1 }
        // Out-of-order times sit later in the list; they age out once they reach the front.
        let excess = Swift.max(stale, times.count - Self.capacity)
        if excess > 0 { times.removeFirst(excess) }
    }

    /// How many times are remembered.
    public var count: Int { times.count }
}
