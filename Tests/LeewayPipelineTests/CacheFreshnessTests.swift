import Foundation
@testable import LeewayServer
import Testing

@Suite("Freshness counts from the report, not from the record")
struct CacheFreshnessTests {
    /// A prediction about a report taken at `ts`, published now (a late satellite burst).
    private func prediction(ts: String) -> [UInt8] {
        Array(#"{"vessel_id":"IMO9100001","vessel_type":"tanker","ts":"\#(ts)","produced_at":"2026-12-02T12:00:00Z","model":{"name":"x","version":0,"kind":"k"}}"#.utf8)
    }

    @Test("a record published now about a report two hours old is stale, and both ages are said")
    func lateReportIsNotFresh() throws {
        let cache = FleetCache(maxVessels: 10)
        let now = try #require(ISO8601DateFormatter().date(from: "2026-12-02T12:00:00Z")).timeIntervalSince1970
        #expect(cache.apply(.prediction, key: Array("IMO9100001".utf8), value: prediction(ts: "2026-12-02T10:00:00Z"),
                            partition: 0, offset: 1, timestamp: Int64(now * 1000) - 1_000))
        let record = try #require(cache.vessel("IMO9100001")?.prediction)
        #expect(record.eventTime == now - 7_200)
        let answer = LatestRecordAnswer(record, ifNoneMatch: nil, freshness: Freshness.Thresholds(), maxAge: 5, now: now)
        #expect(answer.headers[.leewayAge] == "7200")
        #expect(answer.headers[.leewayRecordAge] == "1")
        #expect(answer.headers[.leewayFreshness] == "stale")
        // Features carry their own event time, `feature_time`.
        let features = Array(#"{"vessel_id":"IMO9100001","vessel_type":"tanker","feature_time":"2026-12-02T11:59:00Z"}"#.utf8)
        #expect(cache.apply(.features, key: Array("IMO9100001".utf8), value: features, partition: 0, offset: 2, timestamp: Int64(now * 1000)))
        #expect(cache.vessel("IMO9100001")?.features?.eventTime == now - 60)
    }
}
