/// Kafka's default key partitioning, bit for bit as the Java client's `Utils.murmur2` and
/// librdkafka's `murmur2_random` partitioner: tells which partition owns a key.
public enum Murmur2 {
    /// The 32-bit murmur2 hash Kafka uses (seed 0x9747b28c).
    public static func hash(_ key: some Collection<UInt8>) -> Int32 {
        let m: UInt32 = 0x5bd1_e995
        let length = key.count
        var h: UInt32 = 0x9747_b28c ^ UInt32(truncatingIfNeeded: length)
        var iterator = key.makeIterator()
        var remaining = length
        while remaining >= 4 {
            let b0 = UInt32(iterator.next()!), b1 = UInt32(iterator.next()!)
            let b2 = UInt32(iterator.next()!), b3 = UInt32(iterator.next()!)
            var k = b0 | b1 << 8 | b2 << 16 | b3 << 24
            k &*= m
            k ^= k >> 24
            k &*= m
            h &*= m
            h ^= k
            remaining -= 4
        }
        var tail: [UInt32] = []
        while let byte = iterator.next() { tail.append(UInt32(byte)) }
        if tail.count == 3 { h ^= tail[2] << 16 }
        if tail.count >= 2 { h ^= tail[1] << 8 }
        if tail.count >= 1 {
            h ^= tail[0]
            h &*= m
        }
        h ^= h >> 13
        h &*= m
        h ^= h >> 15
        return Int32(bitPattern: h)
    }

    /// The partition among `partitionCount` that the Java client picks for `key`.
    public static func partition(for key: some Collection<UInt8>, partitionCount: Int32) -> Int32 {
        (hash(key) & 0x7fff_ffff) % partitionCount
    }
}
