import LeewayCore
import Testing

@Suite("Out-of-range share per vessel type")
struct OutOfRangeRateTests {
    static let hour: Int64 = 3_600_000_000

    /// `count` records in hour `h`, the first `bad` of them out of range; returns transitions.
    static func feed(_ rate: inout OutOfRangeRate, hour h: Int64, count: Int, bad: Int) -> [AlertLifecycle.Transition] {
        (0..<count).compactMap { i in
            rate.observe(outOfRange: i < bad, at: EventTime(microseconds: h * hour + Int64(i) * 1_000_000), settings: .init())
        }
    }

    @Test("a steady 1 % stays quiet; an hour at 30 % fires critical when it closes; three normal hours resolve it")
    func spikeFiresAndResolves() {
        var rate = OutOfRangeRate()
        var transitions: [AlertLifecycle.Transition] = []
        for h in Int64(0)..<10 { transitions += Self.feed(&rate, hour: h, count: 200, bad: 2) }
        #expect(transitions.isEmpty)
        #expect(abs(rate.usualRate - 0.01) < 0.002, "\(rate.usualRate)")
        transitions += Self.feed(&rate, hour: 10, count: 200, bad: 60)
        transitions += Self.feed(&rate, hour: 11, count: 200, bad: 2)
        #expect(transitions == [.fired(startsAt: EventTime(microseconds: 11 * Self.hour), severity: .critical)])
        #expect(abs(rate.usualRate - 0.01) < 0.002, "a spike hour does not raise the usual share")
        for h in Int64(12)..<16 { transitions += Self.feed(&rate, hour: h, count: 200, bad: 2) }
        #expect(transitions.count == 2)
        guard case .resolved? = transitions.last else { Issue.record("\(transitions)"); return }
    }

    @Test("a small hour with a high share but few rejections, or a type that is always 10 % off, does not fire")
    func smallOrUsualDoesNotFire() {
        var small = OutOfRangeRate()
        var transitions: [AlertLifecycle.Transition] = []
        for h in Int64(0)..<5 { transitions += Self.feed(&small, hour: h, count: 100, bad: 1) }
        transitions += Self.feed(&small, hour: 5, count: 30, bad: 15)   // 50 %, but 15 < 20 rejections
        transitions += Self.feed(&small, hour: 6, count: 100, bad: 1)
        var chronic = OutOfRangeRate()
        for h in Int64(0)..<40 { transitions += Self.feed(&chronic, hour: h, count: 300, bad: 30) }
        #expect(transitions.isEmpty, "\(transitions)")
    }

    @Test("an out-of-range rejection names the record's vessel type")
    func rejectionCarriesType() {
        let json = #"{"vessel_id":"IMO1","vessel_type":"bulk","ts":"2026-11-30T08:00:00Z","sog_kn":99}"#
        #expect(throws: TelemetryRejection.self) { try TelemetryDecoder.decode(Array(json.utf8)) }
        do {
            _ = try TelemetryDecoder.decode(Array(json.utf8))
        } catch {
            #expect(error.vesselType == .bulk && error.code == "out_of_range:sog_kn")
        }
    }
}
