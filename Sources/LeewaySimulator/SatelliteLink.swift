import LeewayCore

/// A vessel's satellite link: mostly up; now and then down for hours while reports queue on
/// board, then the queue arrives at once, late and out of order, with some reports resent.
struct SatelliteLink: Sendable {
    private var downUntil: Int64?
    private var queued: [FleetSimulator.Record] = []

    /// Chance per report that the link drops.
    static let dropChance = 0.002
    /// The most reports a vessel stores while the link is down.
    static let storeLimit = 2_000

    mutating func carry(_ record: FleetSimulator.Record, at time: EventTime, random: inout SeededRandom,
                        into outbox: inout [FleetSimulator.Record]) {
        if let until = downUntil {
            if time.microseconds < until {
                if queued.count < Self.storeLimit { queued.append(record) }
                return
            }
            // Back up: the stored burst, shuffled, with about 5 % sent twice, then the live record.
            downUntil = nil
            var burst = queued
            for i in stride(from: burst.count - 1, to: 0, by: -1) {
                burst.swapAt(i, Int(random.next() % UInt64(i + 1)))
            }
            for resent in queued where random.unit() < 0.05 { burst.append(resent) }
            outbox.append(contentsOf: burst)
            queued.removeAll()
        } else if random.unit() < Self.dropChance {
            downUntil = time.microseconds + Int64(random.uniform(1...8) * 3.6e9)
            queued.append(record)
            return
        }
        outbox.append(record)
    }
}
