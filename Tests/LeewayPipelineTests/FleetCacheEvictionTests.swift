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
}
