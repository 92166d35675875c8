/// ADWIN, adaptive windowing (Bifet & Gavaldà 2007), with River's semantics and defaults
/// (delta 0.002, clock 32, max_buckets 5, min_window_length 5, grace_period 10): the window
/// is kept as an exponential histogram of buckets; every `clock` values, each cut of the
/// window into older and newer parts is tested, and while the two means differ by more
/// than the variance-aware bound the oldest bucket is dropped. Starts afresh at the update
/// after a detection, as River's does.
public struct ADWIN: DriftDetector {
    /// Confidence: smaller is more conservative.
    public var delta: Double
    /// Values between checks for change.
    public var clock: Int
    /// Buckets of each size kept before two are merged.
    public var maxBuckets: Int
    /// Least length of each side of a cut.
    public var minWindowLength: Int
    /// Values before the first check.
    public var gracePeriod: Int

    public private(set) var driftDetected = false
    /// Values in the window.
    public private(set) var width = 0.0
    /// Sum of the values in the window.
    public private(set) var total = 0.0
    /// Sum of squared deviations in the window.
    public private(set) var variance = 0.0
    /// Row r holds buckets of 2^r values, oldest first: (total, variance) pairs.
    var rows: [[(total: Double, variance: Double)]] = [[]]
    var tick = 0

    /// A detector with River's defaults unless told otherwise.
    public init(delta: Double = 0.002, clock: Int = 32, maxBuckets: Int = 5, minWindowLength: Int = 5, gracePeriod: Int = 10) {
        self.delta = delta
        self.clock = clock
        self.maxBuckets = maxBuckets
        self.minWindowLength = minWindowLength
        self.gracePeriod = gracePeriod
    }

    /// The window's mean.
    public var estimation: Double { width == 0 ? 0 : total / width }

    @discardableResult
    public mutating func update(_ value: Double) -> Bool {
        if driftDetected {
            self = ADWIN(delta: delta, clock: clock, maxBuckets: maxBuckets, minWindowLength: minWindowLength,
                         gracePeriod: gracePeriod)
        }
        insert(value)
        driftDetected = detectChange()
        return driftDetected
    }

    private mutating func insert(_ value: Double) {
        rows[0].append((value, 0))
        width += 1
        if width > 1 {
            let previousMean = total / (width - 1)
            variance += (width - 1) * (value - previousMean) * (value - previousMean) / width
        }
        total += value
        compress()
    }

    /// Merges the two oldest buckets of a row into the next row while a row is over-full.
    private mutating func compress() {
        var row = 0
        while row < rows.count, rows[row].count == maxBuckets + 1 {
            if row + 1 == rows.count { rows.append([]) }
            let size = bucketSize(row)
            let (a, b) = (rows[row][0], rows[row][1])
            let difference = a.total / size - b.total / size
            rows[row + 1].append((a.total + b.total, a.variance + b.variance + size * size * difference * difference / (2 * size)))
            rows[row].removeFirst(2)
            guard rows[row + 1].count > maxBuckets else { break }
            row += 1
        }
    }

    private func bucketSize(_ row: Int) -> Double { Double(1 << row) }

    /// Drops the oldest bucket; returns its size.
    mutating func deleteOldestBucket() -> Double {
        let row = rows.count - 1
        let size = bucketSize(row)
        let bucket = rows[row][0]
        width -= size
        total -= bucket.total
        let windowMean = total / width
        let bucketMean = bucket.total / size
        variance -= bucket.variance + size * width * (bucketMean - windowMean) * (bucketMean - windowMean) / (size + width)
        rows[row].removeFirst()
        if rows[row].isEmpty { rows.removeLast() }
        if rows.isEmpty { rows = [[]] }
        return size
    }
}
