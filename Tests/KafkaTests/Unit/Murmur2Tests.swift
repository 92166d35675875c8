import Kafka
import Testing

@Suite("Murmur2 matches Kafka's Java client")
struct Murmur2Tests {
    // Vectors from Kafka's own UtilsTest and librdkafka's rdmurmur2.c.
    @Test(arguments: [
        ("21", -973_932_308), ("foobar", -790_332_482), ("a-little-bit-long-string", -985_981_536),
        ("a-little-bit-longer-string", -1_486_304_829), ("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", -58_897_971),
        ("abc", 479_470_107), ("kafka", -798_503_068),
    ])
    func knownHashes(key: String, expected: Int) {
        #expect(Murmur2.hash(Array(key.utf8)) == Int32(expected))
    }

    @Test func partitionIsNonNegativeAndInRange() {
        for i in 0..<1_000 {
            let p = Murmur2.partition(for: Array("vessel-\(i)".utf8), partitionCount: 12)
            #expect((0..<12).contains(p))
        }
    }
}
