/// Count, mean and standard deviation of fuel rate and speed through water over a rolling
/// event-time window, kept in `Buckets` fixed slots of `bucketSeconds` each: no allocation,
/// late samples land in their own slot, and the window moves in whole slots.
public struct WindowStatistics<let Buckets: Int>: Sendable {
    /// One slot: its index in event time and its sums.
    struct Bucket: Sendable, Equatable {
        var slot: Int32 = .min
        var count: UInt32 = 0
        var fuel: Double = 0
        var fuelSquares: Double = 0
        var speed: Double = 0
    }

    /// The width of one slot, seconds.
    public var bucketSeconds: Int64
    var buckets: InlineArray<Buckets, Bucket>

    /// An empty window of `Buckets` × `bucketSeconds`.
    public init(bucketSeconds: Int64) {
        self.bucketSeconds = bucketSeconds
        buckets = InlineArray(repeating: Bucket())
    }

    private func slot(of time: EventTime) -> Int32 {
        Int32(truncatingIfNeeded: time.microseconds.floorDivided(by: bucketSeconds * 1_000_000).quotient)
    }

    /// Adds one report's fuel rate and speed; a sample older than the window is ignored.
    public mutating func add(fuel: Double, speed: Double, at time: EventTime) {
        let slot = slot(of: time)
        let index = Int(Int64(slot).floorDivided(by: Int64(Buckets)).remainder)
        if buckets[index].slot != slot {
            guard buckets[index].slot < slot else { return }
            buckets[index] = Bucket(slot: slot)
        }
        buckets[index].count += 1
        buckets[index].fuel += fuel
        buckets[index].fuelSquares += fuel * fuel
        buckets[index].speed += speed
    }

    /// The statistics of the slots within the window ending at `now`.
    public func summary(at now: EventTime) -> WindowSummary {
        let newest = slot(of: now)
        var count = 0.0, fuel = 0.0, squares = 0.0, speed = 0.0
        for index in 0..<Buckets {
            let bucket = buckets[index]
            guard bucket.slot <= newest, bucket.slot > newest - Int32(Buckets) else { continue }
            count += Double(bucket.count)
            fuel += bucket.fuel
            squares += bucket.fuelSquares
            speed += bucket.speed
        }
        guard count > 0 else { return WindowSummary(count: 0, meanFuel: nil, stdFuel: nil, meanSpeed: nil) }
        let mean = fuel / count
        let variance = count > 1 ? max(0, (squares - count * mean * mean) / (count - 1)) : 0
        return WindowSummary(count: Int(count), meanFuel: mean, stdFuel: variance.squareRoot(), meanSpeed: speed / count)
    }
}

/// What a rolling window holds: how many reports, mean and deviation of fuel rate, mean speed.
public struct WindowSummary: Sendable, Equatable {
    /// Reports in the window.
    public var count: Int
    /// Mean fuel rate, t/h.
    public var meanFuel: Double?
    /// Sample standard deviation of fuel rate, t/h.
    public var stdFuel: Double?
    /// Mean speed through water, knots.
    public var meanSpeed: Double?
}
