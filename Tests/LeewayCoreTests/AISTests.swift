import Foundation
import LeewayCore
import Testing

private let fixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/ais")

private func decodeOne(_ sentences: String...) throws -> [AISMessage] {
    var assembler = AISAssembler()
    var result: AISAssembler.Assembled?
    for sentence in sentences { result = assembler.add(try NMEALine.parse(Substring(sentence))) }
    let assembled = try #require(result)
    return try AISMessage.decode(try #require(AISBits(payload: assembled.payload, fillBits: assembled.fillBits)))
}

@Suite("AIS: NMEA sentences, tag blocks, messages")
struct AISTests {
    // Expected values from an independent decoder (pyais 2.x) for the same sentences.
    @Test("class A position report (type 1)")
    func type1() throws {
        guard case .position(let p) = try decodeOne("!SAVDM,1,1,7,B,108d6mPP2oIJ:n2@NnduNgwn0@Rg,0*32")[0] else {
            Issue.record("not a position"); return
        }
        #expect(p.type == 1 && p.mmsi == 9_111_254)
        #expect(p.speedOverGround == 18.3 && p.courseOverGround == 345.0 && p.heading == nil)
        #expect(abs(p.latitude! - 28.804565) < 1e-6 && abs(p.longitude! - -92.150292) < 1e-6)
    }

    @Test("type 3 and class B type 18 position reports")
    func type3and18() throws {
        guard case .position(let a) = try decodeOne("!SAVDM,1,1,4,B,35MuRK0P@1qL6T4A21W6c2>:0000,0*20")[0],
              case .position(let b) = try decodeOne("!SAVDM,1,1,,A,B5NbAI00DncT`n5ft6LugwuWkP06,0*5B")[0] else {
            Issue.record("not positions"); return
        }
        #expect(a.mmsi == 366_961_260 && a.speedOverGround == 0.1 && a.courseOverGround == 170.8 && a.heading == 71)
        #expect(abs(a.latitude! - 29.764953) < 1e-6 && abs(a.longitude! - -91.727997) < 1e-6)
        #expect(b.type == 18 && b.mmsi == 367_694_180 && b.speedOverGround == 8.3 && b.courseOverGround == 98.7 && b.heading == nil)
        #expect(abs(b.latitude! - 40.079532) < 1e-6 && abs(b.longitude! - -73.7739) < 1e-6)
    }

    @Test("two-sentence static and voyage data (type 5) and class B static (type 24)")
    func staticData() throws {
        let five = try decodeOne(
            #"\g:1-2-46608,n:652337,s:b003669981,c:1469664001*5B\!SAVDM,2,1,2,B,5815<t42BcvQKMU?:20588u8Dhh6222222222216E`J<D5tR0ED3lU80DU25,0*37"#,
            #"\g:2-2-46608,n:652338*10\!SAVDM,2,2,2,B,D`888888880,2*1B"#)
        #expect(five == [.staticData(AISStatic(mmsi: 538_004_720, shipType: 70, draught: 8.5, name: "ARBORELLA"))])
        guard case .staticData(let b) = try decodeOne("!SAVDM,1,1,4,B,HmMv6?Tt3?=>1F0GInonq00H@330,0*5C")[0] else {
            Issue.record("not static"); return
        }
        #expect(b.mmsi == 366_970_430 && b.shipType == 60)
    }

    @Test("checksums of sentences and tag blocks are checked")
    func checksums() {
        #expect(throws: NMEALine.Failure.badChecksum) { _ = try NMEALine.parse("!SAVDM,1,1,7,B,108d6mPP2oIJ:n2@NnduNgwn0@Rg,0*33") }
        #expect(throws: NMEALine.Failure.badTagBlockChecksum) {
            _ = try NMEALine.parse(#"\g:1-2-0738,n:1218,s:D08MN-NO-BSABS1,c:1469663999*0F\!SAVDM,1,1,7,B,108d6mPP2oIJ:n2@NnduNgwn0@Rg,0*32"#)
        }
        #expect(throws: NMEALine.Failure.notAIS) { _ = try NMEALine.parse(#"\g:2-2-0738,n:1219*22\$SAVSI,D08MN-NO-BSABS1,7,235959.285433,2223,-94,26*56"#) }
    }

    @Test("the USCG national feed slice decodes; every line is accounted for")
    func uscgSlice() throws {
        let text = try String(contentsOf: fixtures.appendingPathComponent("uscg-nais-2016-07-28-first-20000-lines.nmea"), encoding: .utf8)
        var feed = AISFeed()
        var telemetry: [Telemetry] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            telemetry += feed.add(line: line, receivedAt: EventTime(seconds: 0))
        }
        feed.finish()
        let report = feed.report
        print("USCG slice: \(report.lines) lines, \(report.skippedLines) not AIS, decoded by type \(report.decodedByType.sorted { $0.key < $1.key }), failures \(report.failures), \(report.telemetry) telemetry records")
        #expect(report.decoded > 8_000)
        let unsupported = report.failures.filter { $0.key.hasPrefix("unsupported_type") }.values.reduce(0, +)
        #expect(report.decoded + unsupported > 11_000, "about 11,450 VDM sentences, some in pairs")
        for type in [1, 3, 5, 18, 24] { #expect(report.decodedByType[type, default: 0] > 0, "type \(type)") }
        let failed = report.failures.filter { !$0.key.hasPrefix("unsupported_type") }.values.reduce(0, +)
        #expect(failed * 100 < report.decoded, "under 1 % fail: \(report.failures)")
        #expect(report.telemetry == telemetry.count)
        #expect(telemetry.allSatisfy { $0.eventTime.microseconds >= 1_469_660_000_000_000 }, "times come from the tag blocks")
        #expect(telemetry.contains { $0.vesselType != .other && $0[.draft] != nil }, "static data fills type and draught")
        for record in telemetry.prefix(2_000) {
            #expect(try TelemetryDecoder.decode(record.json) == record, "encodes as valid telemetry v1")
        }
    }

    @Test("the New York Harbor CSV hour maps to telemetry v1")
    func newYorkCSV() throws {
        let text = try String(contentsOf: fixtures.appendingPathComponent("nyharbor-2020-06-30-first-hour.csv"), encoding: .utf8)
        var rows = text.split(separator: "\n")[...]
        let csv = try MarineCadastreCSV(header: rows.removeFirst())
        let telemetry = try rows.map { row throws(MarineCadastreCSV.Failure) in try csv.telemetry(row) }
        #expect(telemetry.count == 8_689)
        #expect(Set(telemetry.map(\.vesselID)).count == 295)
        let ferry = try #require(telemetry.first)
        #expect(ferry.vesselID == "mmsi:367000140" && ferry.vesselType == .passenger)
        #expect(ferry.eventTime == EventTime(rfc3339: "2020-06-30T00:00:00Z") && ferry[.heading] == 246 && ferry[.courseOverGround] == nil)
        for record in telemetry { #expect(try TelemetryDecoder.decode(record.json) == record) }
    }
}
