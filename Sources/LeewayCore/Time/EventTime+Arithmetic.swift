extension EventTime {
    /// This time moved by `duration` (negative moves back), to the microsecond.
    public func advanced(by duration: Duration) -> EventTime {
        EventTime(microseconds: microseconds + duration.microseconds)
    }

    /// The event time from `b` to `a`.
    public static func - (a: EventTime, b: EventTime) -> Duration {
        .microseconds(a.microseconds - b.microseconds)
    }
}

extension Duration {
    /// Whole microseconds.
    var microseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000 + attoseconds / 1_000_000_000_000
    }
}
