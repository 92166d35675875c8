import LeewayCore

/// Bad records of every reject reason, made from a real report so they look like traffic.
enum BadRecords {
    /// The reasons, in the order they are cycled through.
    static let reasons = [
        "malformed_json", "too_large", "missing_field:vessel_id", "bad_type:sog_kn", "out_of_range:fuel_rate_tph",
        "unknown_vessel_type", "bad_ts", "bad_vessel_id",
    ]

    static func make(_ n: Int, from telemetry: Telemetry) -> FleetSimulator.Record {
        let reason = reasons[n % reasons.count]
        let id = telemetry.vesselID, ts = telemetry.eventTime.description, type = telemetry.vesselType.rawValue
        let text: String
        switch reason {
        case "malformed_json":
            text = String(decoding: telemetry.json.prefix(telemetry.json.count / 2), as: UTF8.self)
        case "too_large":
            text = #"{"vessel_id":"\#(id)","vessel_type":"\#(type)","ts":"\#(ts)","note":"\#(String(repeating: "x", count: 70_000))"}"#
        case "missing_field:vessel_id":
            text = #"{"vessel_type":"\#(type)","ts":"\#(ts)","sog_kn":10}"#
        case "bad_type:sog_kn":
            text = #"{"vessel_id":"\#(id)","vessel_type":"\#(type)","ts":"\#(ts)","sog_kn":"12 knots"}"#
        case "out_of_range:fuel_rate_tph":
            text = #"{"vessel_id":"\#(id)","vessel_type":"\#(type)","ts":"\#(ts)","fuel_rate_tph":99.5}"#
        case "unknown_vessel_type":
            text = #"{"vessel_id":"\#(id)","vessel_type":"hovercraft","ts":"\#(ts)"}"#
        case "bad_ts":
            text = #"{"vessel_id":"\#(id)","vessel_type":"\#(type)","ts":"29/11/2026 08:00"}"#
        default:
            text = #"{"vessel_id":"\#(id) (bad)","vessel_type":"\#(type)","ts":"\#(ts)"}"#
        }
        return FleetSimulator.Record(key: Array(id.utf8), value: Array(text.utf8), intendedRejection: reason, telemetry: nil)
    }
}
