extension VesselState {
    /// The encoding's version, its first byte.
    public static let binaryVersion: UInt8 = 3

    /// The state as bytes for the changelog: exact (doubles bit for bit), little-endian,
    /// versioned. ``init(binary:)`` reads it back.
    public var binary: [UInt8] {
        var w = BinaryWriter(capacity: 2_200)
        w.write(Self.binaryVersion)
        w.write(vesselID)
        w.write(vesselType.rawValue)
        for value in [count, lateCount, duplicateCount, lastEventTime.microseconds, lastOffset, featuresPublishedAt.microseconds] {
            w.write(value)
        }
        for average in [speedThroughWater, speedOverGround, shaftPower, fuelRate] { w.write(average.value) }
        for mean in [decayedSpeed, decayedPower, decayedFuel, admiralty] {
            w.write(mean.weight)
            w.write(mean.sum)
            w.write(mean.anchor.microseconds)
        }
        lastHour.write(to: &w)
        lastDay.write(to: &w)
        w.write(hullCleanedAt.map { Double($0.microseconds) })
        w.write(daysSinceHullCleaning)
        w.write(draft)
        w.write(UInt8(regime.loading == nil ? 0 : regime.loading == .laden ? 1 : 2))
        w.write(UInt8(regime.speedBand.map { OperatingRegime.SpeedBand.allCases.firstIndex(of: $0)! + 1 } ?? 0))
        w.write(UInt8(regime.beaufort ?? 255))
        recent.write(to: &w)
        fuelDrift.write(to: &w)
        sensors.write(to: &w)
        speedLog.write(to: &w)
        return w.bytes
    }

    /// Reads a state written by ``binary``.
    public init(binary: [UInt8]) throws(BinaryReader.Malformed) {
        var r = BinaryReader(binary)
        let version = try r.byte()
        guard version == Self.binaryVersion else {
            throw BinaryReader.Malformed(description: "state encoding version \(version); this build reads \(Self.binaryVersion)")
        }
        let id = try r.string(), typeName = try r.string()
        guard let type = VesselType(rawValue: typeName) else {
            throw BinaryReader.Malformed(description: "unknown vessel type '\(typeName)'")
        }
        self.init(vesselID: id, vesselType: type)
        count = try r.int64()
        lateCount = try r.int64()
        duplicateCount = try r.int64()
        lastEventTime = EventTime(microseconds: try r.int64())
        lastOffset = try r.int64()
        featuresPublishedAt = EventTime(microseconds: try r.int64())
        speedThroughWater = EWMA(value: try r.optionalDouble())
        speedOverGround = EWMA(value: try r.optionalDouble())
        shaftPower = EWMA(value: try r.optionalDouble())
        fuelRate = EWMA(value: try r.optionalDouble())
        func mean() throws(BinaryReader.Malformed) -> DecayedMean {
            DecayedMean(weight: try r.double(), sum: try r.double(), anchor: EventTime(microseconds: try r.int64()))
        }
        decayedSpeed = try mean()
        decayedPower = try mean()
        decayedFuel = try mean()
        admiralty = try mean()
        try lastHour.read(from: &r)
        try lastDay.read(from: &r)
        hullCleanedAt = try r.optionalDouble().map { EventTime(microseconds: Int64($0)) }
        daysSinceHullCleaning = try r.optionalDouble()
        draft = try r.optionalDouble()
        let loading = try r.byte(), band = Int(try r.byte()), beaufort = try r.byte()
        regime.loading = loading == 0 ? nil : loading == 1 ? .laden : .ballast
        let bands = OperatingRegime.SpeedBand.allCases
        regime.speedBand = band == 0 ? nil : bands[min(band - 1, bands.count - 1)]
        regime.beaufort = beaufort == 255 ? nil : Int(beaufort)
        try recent.read(from: &r)
        try fuelDrift.read(from: &r)
        try sensors.read(from: &r)
        try speedLog.read(from: &r)
        guard r.isAtEnd else { throw BinaryReader.Malformed(description: "bytes left after the state") }
    }
}

extension WindowStatistics {
    func write(to w: inout BinaryWriter) {
        w.write(UInt8(Buckets))
        for index in 0..<Buckets {
            let bucket = buckets[index]
            w.write(UInt32(bitPattern: bucket.slot))
            w.write(bucket.count)
            w.write(bucket.fuel)
            w.write(bucket.fuelSquares)
            w.write(bucket.speed)
        }
    }

    mutating func read(from r: inout BinaryReader) throws(BinaryReader.Malformed) {
        let stored = Int(try r.byte())
        guard stored == Buckets else { throw BinaryReader.Malformed(description: "\(stored) window buckets; expected \(Buckets)") }
        for index in 0..<Buckets {
            buckets[index] = Bucket(slot: Int32(bitPattern: try r.uint32()), count: try r.uint32(),
                                    fuel: try r.double(), fuelSquares: try r.double(), speed: try r.double())
        }
    }
}

extension ResendGuard {
    /// The layout of the former fixed ring (next slot, count, times), kept so that
    /// changelogs written before and after read alike: the times oldest first, next = count.
    func write(to w: inout BinaryWriter) {
        w.write(UInt32(times.count % Self.capacity))
        w.write(UInt32(times.count))
        for time in times { w.write(time) }
    }

    mutating func read(from r: inout BinaryReader) throws(BinaryReader.Malformed) {
        let next = try r.uint32(), filled = try r.uint32()
        guard filled <= Self.capacity, next < Self.capacity else {
            throw BinaryReader.Malformed(description: "resend guard \(next)/\(filled) exceeds \(Self.capacity)")
        }
        var ring: [UInt32] = []
        ring.reserveCapacity(Int(filled))
        for _ in 0..<filled { ring.append(try r.uint32()) }
        // A full ring's oldest time is at its next slot.
        times = Int(filled) == Self.capacity ? Array(ring[Int(next)...] + ring[..<Int(next)]) : ring
    }
}
