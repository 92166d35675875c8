import LeewayCore
import Testing

private func decode(_ text: String) throws(TelemetryRejection) -> Telemetry {
    try TelemetryDecoder.decode(Array(text.utf8))
}

private func rejection(_ text: String) -> String? {
    do {
        _ = try decode(text)
        return nil
    } catch {
        return error.code
    }
}

private func rejection(bytes: [UInt8]) -> String? {
    do {
        _ = try TelemetryDecoder.decode(bytes)
        return nil
    } catch {
        return error.code
    }
}

@Suite("Telemetry v1 decoding")
struct TelemetryDecoderTests {
    static let valid = #"{"vessel_id":"IMO9321483","vessel_type":"tanker","ts":"2026-11-29T08:00:00.25Z","lat":51.9,"lon":4.1,"sog_kn":12.5,"stw_kn":12.1,"heading_deg":90,"cog_deg":91.5,"draft_m":14.2,"wind_speed_ms":7.5,"wind_dir_deg":270,"wave_height_m":1.5,"sea_temp_c":11.5,"shaft_power_kw":9800,"fuel_rate_tph":1.85,"days_since_hull_cleaning":120,"event":"hull_cleaning"}"#

    @Test("a complete record decodes every member")
    func complete() throws {
        let t = try decode(Self.valid)
        #expect(t.vesselID == "IMO9321483")
        #expect(t.vesselType == .tanker)
        #expect(t.eventTime == EventTime(microseconds: 1_795_939_200_250_000))
        #expect(t[.latitude] == 51.9 && t[.longitude] == 4.1)
        #expect(t[.speedOverGround] == 12.5 && t[.speedThroughWater] == 12.1)
        #expect(t[.heading] == 90 && t[.courseOverGround] == 91.5 && t[.draft] == 14.2)
        #expect(t[.windSpeed] == 7.5 && t[.windDirection] == 270 && t[.waveHeight] == 1.5)
        #expect(t[.seaTemperature] == 11.5 && t[.shaftPower] == 9800 && t[.fuelRate] == 1.85)
        #expect(t[.daysSinceHullCleaning] == 120)
        #expect(t.event == .hullCleaning)
    }

    @Test("unknown members of any shape are ignored; absent and null measurements are absent")
    func forwardCompatible() throws {
        let t = try decode(#" { "future":{"a":[1,2,{"b":null}],"c":"\u00e9"}, "vessel_id" : "mmsi:366999712", "vessel_type":"tug","ts":"2026-01-01T00:00:00+01:00","sog_kn":null, "x":-1.5e3 } "#)
        #expect(t.vesselID == "mmsi:366999712")
        #expect(t.eventTime == EventTime(rfc3339: "2025-12-31T23:00:00Z"))
        #expect(t[.speedOverGround] == nil)
        #expect(t.event == nil)
    }

    @Test("escaped names and values are unescaped before they are checked")
    func escapes() throws {
        let t = try decode(#"{"vessel\u005fid":"IMO\u0039","vessel_type":"bul\u006b","ts":"2026-11-29T08:00:00Z"}"#)
        #expect(t.vesselID == "IMO9")
        #expect(t.vesselType == .bulk)
    }

    @Test("each reason", arguments: [
        (#"{"vessel_id":"a""#, "malformed_json"),
        (#"[1,2]"#, "malformed_json"),
        (#"{"vessel_id":"a","vessel_type":"tug","ts":"2026-11-29T08:00:00Z"} x"#, "malformed_json"),
        (#"{"vessel_id":"a","vessel_type":"tug","ts":"2026-11-29T08:00:00Z","sog_kn":01}"#, "malformed_json"),
        (#"{"vessel_id":"a","vessel_type":"tug","ts":"2026-11-29T08:00:00Z","n":"\x"}"#, "malformed_json"),
        (#"{"vessel_type":"tug","ts":"2026-11-29T08:00:00Z"}"#, "missing_field:vessel_id"),
        (#"{"vessel_id":null,"vessel_type":"tug","ts":"2026-11-29T08:00:00Z"}"#, "missing_field:vessel_id"),
        (#"{"vessel_id":"a","ts":"2026-11-29T08:00:00Z"}"#, "missing_field:vessel_type"),
        (#"{"vessel_id":"a","vessel_type":"tug"}"#, "missing_field:ts"),
        (#"{"vessel_id":7,"vessel_type":"tug","ts":"2026-11-29T08:00:00Z"}"#, "bad_type:vessel_id"),
        (#"{"vessel_id":"a","vessel_type":"tug","ts":1764403200}"#, "bad_type:ts"),
        (#"{"vessel_id":"a","vessel_type":"tug","ts":"2026-11-29T08:00:00Z","sog_kn":"12"}"#, "bad_type:sog_kn"),
        (#"{"vessel_id":"a","vessel_type":"tug","ts":"2026-11-29T08:00:00Z","fuel_rate_tph":NaN}"#, "bad_type:fuel_rate_tph"),
        (#"{"vessel_id":"a","vessel_type":"tug","ts":"2026-11-29T08:00:00Z","shaft_power_kw":-Infinity}"#, "bad_type:shaft_power_kw"),
        (#"{"vessel_id":"a","vessel_type":"tug","ts":"2026-11-29T08:00:00Z","draft_m":true}"#, "bad_type:draft_m"),
        (#"{"vessel_id":"a","vessel_type":"tug","ts":"2026-11-29T08:00:00Z","event":3}"#, "bad_type:event"),
        (#"{"vessel_id":"a","vessel_type":"tug","ts":"2026-11-29T08:00:00Z","lat":90.5}"#, "out_of_range:lat"),
        (#"{"vessel_id":"a","vessel_type":"tug","ts":"2026-11-29T08:00:00Z","draft_m":0.4}"#, "out_of_range:draft_m"),
        (#"{"vessel_id":"a","vessel_type":"tug","ts":"2026-11-29T08:00:00Z","event":"refit"}"#, "out_of_range:event"),
        (#"{"vessel_id":"a","vessel_type":"submarine","ts":"2026-11-29T08:00:00Z"}"#, "unknown_vessel_type"),
        (#"{"vessel_id":"a","vessel_type":"tug","ts":"2026-02-30T08:00:00Z"}"#, "bad_ts"),
        (#"{"vessel_id":"a","vessel_type":"tug","ts":"2026-11-29T08:00:00"}"#, "bad_ts"),
        (#"{"vessel_id":"a b","vessel_type":"tug","ts":"2026-11-29T08:00:00Z"}"#, "bad_vessel_id"),
        (#"{"vessel_id":"","vessel_type":"tug","ts":"2026-11-29T08:00:00Z"}"#, "bad_vessel_id"),
    ])
    func reasons(record: String, expected: String) {
        #expect(rejection(record) == expected, "\(record)")
    }

    @Test("the first failing check decides")
    func order() {
        #expect(rejection(#"{"vessel_id":"a b","lat":200}"#) == "bad_vessel_id")
        #expect(rejection(#"{"vessel_id":"a","lat":200}"#) == "missing_field:vessel_type")
        #expect(rejection(#"{"vessel_id":"a","vessel_type":"tug","ts":"2026-11-29T08:00:00Z","lat":200,"sog_kn":"x"}"#) == "out_of_range:lat")
    }

    @Test("hostile bytes are refused, never trapped")
    func hostile() {
        let id = String(repeating: "A", count: 65)
        #expect(rejection(#"{"vessel_id":"\#(id)","vessel_type":"tug","ts":"2026-11-29T08:00:00Z"}"#) == "bad_vessel_id")
        #expect(rejection(bytes: Array(#"{"vessel_id":"a"#.utf8) + [0xFF, 0x22, 0x7D]) == "malformed_json")
        #expect(rejection(bytes: Array(#"{"vessel_id":"a"#.utf8) + [0xED, 0xA0, 0x80, 0x22, 0x7D]) == "malformed_json")
        #expect(rejection(String(repeating: "[", count: 100_000)) == "too_large")
        #expect(rejection(#"{"a":"# + String(repeating: "[", count: 1_000) + String(repeating: "]", count: 1_000) + "}") == "malformed_json")
        #expect(rejection(#"{"pad":""# + String(repeating: "x", count: 70_000) + #""}"#) == "too_large")
        #expect(rejection("") == "malformed_json")
        #expect(rejection(#"{"vessel_id":"a","vessel_type":"tug","ts":"2026-11-29T08:00:00Z","n":1e"#) == "malformed_json")
        for cut in 1..<Self.valid.utf8.count {
            #expect(rejection(bytes: Array(Self.valid.utf8.prefix(cut))) != nil, "truncated at \(cut)")
        }
    }

    @Test("numbers decode exactly as Swift parses them")
    func numbers() throws {
        var generator = SystemRandomNumberGenerator()
        var texts = ["0", "-0", "1e2", "1E-2", "123456789012345678901234", "0.000001", "4.9406564584124654e-324", "1.7976931348623157e308", "29.999999999999996"]
        for _ in 0..<2_000 {
            let value = Double.random(in: 0...120_000, using: &generator)
            texts.append("\(value)")
            texts.append(String(format: value, digits: Int.random(in: 0...9, using: &generator)))
        }
        for text in texts {
            let record = #"{"vessel_id":"a","vessel_type":"tug","ts":"2026-11-29T08:00:00Z","x":\#(text)}"#
            #expect(rejection(record) == nil, "\(text)")
            let inRange = #"{"vessel_id":"a","vessel_type":"tug","ts":"2026-11-29T08:00:00Z","days_since_hull_cleaning":\#(text)}"#
            let expected = try #require(Double(text))
            if (0...3650).contains(expected) {
                #expect(try decode(inRange)[.daysSinceHullCleaning] == expected, "\(text)")
            }
        }
    }
}

extension String {
    /// `value` with `digits` fraction digits, without Foundation.
    init(format value: Double, digits: Int) {
        let scale = (0..<digits).reduce(1.0) { r, _ in r * 10 }
        let scaled = (value * scale).rounded()
        let integer = Int64(scaled / scale)
        let fraction = Int64(scaled) - integer * Int64(scale)
        if digits == 0 {
            self = "\(Int64(scaled))"
        } else {
            let f = String(fraction)
            self = "\(integer)." + String(repeating: "0", count: digits - f.count) + f
        }
    }
}
