extension SpeedLogCheck {
    func write(to w: inout BinaryWriter) {
        w.write(hour)
        w.write(sum)
        w.write(Int64(count))
        w.write(Int64(streak))
        w.write(lastDifference)
        lifecycle.write(to: &w)
    }

    mutating func read(from r: inout BinaryReader) throws(BinaryReader.Malformed) {
        hour = try r.int64()
        sum = try r.double()
        count = Int32(truncatingIfNeeded: try r.int64())
        streak = Int32(truncatingIfNeeded: try r.int64())
        lastDifference = try r.double()
        try lifecycle.read(from: &r)
    }
}
