import LeewayCore
import Testing

@Suite("RFC 3339 event time")
struct EventTimeTests {
    @Test("parses UTC, offsets, fractions and either case of T and Z")
    func parse() {
        #expect(EventTime(rfc3339: "1970-01-01T00:00:00Z")?.microseconds == 0)
        #expect(EventTime(rfc3339: "2026-11-29T08:00:00Z")?.microseconds == 1_795_939_200_000_000)
        #expect(EventTime(rfc3339: "2026-11-29t08:00:00.5z")?.microseconds == 1_795_939_200_500_000)
        #expect(EventTime(rfc3339: "2026-11-29T09:30:00+01:30") == EventTime(rfc3339: "2026-11-29T08:00:00Z"))
        #expect(EventTime(rfc3339: "2024-02-29T00:00:00Z") != nil)
        #expect(EventTime(rfc3339: "1969-12-31T23:59:59.999999Z")?.microseconds == -1)
    }

    @Test("refuses what is not a valid time", arguments: [
        "2026-11-29", "2026-11-29T08:00:00", "2026-13-01T00:00:00Z", "2025-02-29T00:00:00Z",
        "2026-11-29T24:00:00Z", "2026-11-29T08:00:60Z", "2026-11-29T08:00:00.Z", "2026-11-29T08:00:00+0100",
        "2026-11-29T08:00:00Zjunk", "20261129T080000Z",
    ])
    func refuse(text: String) {
        #expect(EventTime(rfc3339: text) == nil)
    }

    @Test("prints RFC 3339 UTC that parses back to the same instant")
    func roundTrip() {
        for micros: Int64 in [0, 1, 999_999, 1_795_939_200_000_000, 1_795_939_200_123_456, -86_400_000_001, 4_102_444_800_000_000] {
            let time = EventTime(microseconds: micros)
            #expect(EventTime(rfc3339: time.description) == time, "\(time)")
        }
        #expect(EventTime(microseconds: 1_795_939_200_000_000).description == "2026-11-29T08:00:00Z")
    }
}
