@testable import LeewayCore
import Testing

/// The decoder's fast path for plain records must give the strict scan's verdict on every
/// input: the same telemetry, or the same rejection.
@Suite("Telemetry decode: the fast path and the strict scan agree")
struct TelemetryFastPathTests {
    static let record = #"{"vessel_id":"IMO9100000","vessel_type":"tanker","ts":"2026-11-29T08:00:00Z","lat":9.48897,"lon":83.5658,"sog_kn":12.5,"stw_kn":12.1,"heading_deg":349.9,"cog_deg":348.6,"draft_m":15.02,"wind_speed_ms":10.6,"wind_dir_deg":185,"wave_height_m":1.2,"sea_temp_c":25.1,"shaft_power_kw":9000,"fuel_rate_tph":1.4,"days_since_hull_cleaning":133.28,"event":null}"#

    static func verdict(_ bytes: [UInt8], fastPath: Bool) -> String {
        bytes.withUnsafeBytes { raw in
            do throws(TelemetryRejection) {
                let telemetry = try TelemetryDecoder.decode(raw, fastPath: fastPath)
                return "accepted \(telemetry)"
            } catch {
                return "rejected \(error.code): \(error)"
            }
        }
    }

    static func agree(_ bytes: [UInt8]) -> Bool {
        verdict(bytes, fastPath: true) == verdict(bytes, fastPath: false)
    }

    @Test("a plain record and its whitespace, member order and duplicate variants")
    func plainVariants() {
        let variants = [
            Self.record,
            " \n{ \"vessel_id\" : \"IMO1\" ,\t\"vessel_type\":\"tug\", \"ts\":\"2026-01-01T00:00:00.5Z\" , \"sog_kn\" : -0 } \r\n",
            #"{"ts":"2026-01-01T00:00:00Z","vessel_type":"bulk","vessel_id":"A","sog_kn":1,"sog_kn":2e1,"x":"y","y":null}"#,
            #"{}"#, #"{"vessel_id":"A"}"#, "",
        ]
        for text in variants { #expect(Self.agree(Array(text.utf8)), "\(text)") }
    }

    @Test("every truncation of a record")
    func truncations() {
        let bytes = Array(Self.record.utf8)
        for end in 0...bytes.count { #expect(Self.agree(Array(bytes[..<end])), "truncated at \(end)") }
    }

    @Test("every byte of a record replaced by each byte that leaves the plain shape")
    func substitutions() {
        let bytes = Array(Self.record.utf8)
        let replacements: [UInt8] = [0x5C, 0x22, 0x7B, 0x7D, 0x5B, 0x2C, 0x3A, 0x74, 0x6E, 0x2D, 0x2E, 0x65, 0x30, 0x20, 0x0A, 0x01, 0x7F, 0x80, 0xC3, 0xFF]
        for index in bytes.indices {
            for replacement in replacements {
                var mutated = bytes
                mutated[index] = replacement
                #expect(Self.agree(mutated), "byte \(index) replaced by \(replacement)")
            }
        }
    }
}
