import Foundation
@testable import LeewayServer
import Testing

@Suite("Fleet cache bound")
struct FleetCacheEvictionTests {
    private func prediction(_ id: String) -> [UInt8] {
        Array(#"{"vessel_id":"\#(id)","vessel_type":"tanker","fuel_rate_tph":1.5}"#.utf8)
    }

    @Test("a full cache drops its least recently updated vessels (by Kafka timestamp), counts them and keeps serving the rest")
    func dropsLeastRecentlyUpdated() throws {
        let cache = FleetCache(maxVessels: 10)
        for index in 0..<25 {
            let id = "V\(index)"
            // V0 keeps being updated: it stays although it came first.
            cache.apply(.prediction, key: Array(id.utf8), value: prediction(id), partition: 0, offset: Int64(index), timestamp: Int64(index) * 1_000)
            cache.apply(.prediction, key: Array("V0".utf8), value: prediction("V0"), partition: 0, offset: Int64(100 + index),
                        timestamp: Int64(index) * 1_000 + 1)
        }
        #expect(cache.count <= 10)
        #expect(cache.evicted == 25 - cache.count)
        #expect(cache.vessel("V0") != nil, "a vessel updated recently stays")
        #expect(cache.vessel("V24") != nil)
        #expect(cache.vessel("V1") == nil, "the least recently updated went first")
        let listed = cache.page(type: nil, after: nil, limit: 100).vessels.map(\.id)
        #expect(listed.count == cache.count, "the listing forgets evicted vessels too")
    }

    @Test("a key that is not a vessel id is refused (the feed counts it) and never reaches a page: ids are written unescaped")
    func refusesKeysOutsideTheVesselIDAlphabet() throws {
        let cache = FleetCache(maxVessels: 10)
        for bad in [#"IMO1","x":"y"#, "IMO 1", "IMO\\1", String(repeating: "A", count: 65), ""] {
            #expect(!cache.apply(.prediction, key: Array(bad.utf8), value: prediction("IMO1"), partition: 0, offset: 1, timestamp: 1), "\(bad)")
        }
        #expect(cache.apply(.prediction, key: Array("IMO9100001".utf8), value: prediction("IMO9100001"), partition: 0, offset: 2, timestamp: 2))
        #expect(cache.page(type: nil, after: nil, limit: 100).vessels.map(\.id) == ["IMO9100001"])
    }
}
