extension Telemetry {
    /// The record as telemetry v1 JSON, members in schema order; decodes back to an equal
    /// record.
    public var json: [UInt8] {
        var text = #"{"vessel_id":""#
        text += vesselID
        text += #"","vessel_type":""#
        text += vesselType.rawValue
        text += #"","ts":""#
        text += eventTime.description
        text += "\""
        for field in TelemetryField.allCases {
            guard let value = self[field] else { continue }
            text += ",\""
            text += field.jsonName
            text += "\":"
            Self.appendNumber(value, to: &text)
        }
        if let event {
            text += #","event":""#
            text += event.rawValue
            text += "\""
        }
        text += "}"
        return Array(text.utf8)
    }

    /// Appends `value` so it parses back to exactly `value`: fixed-point with up to four
    /// decimals when that is exact (sensor readings are), else Swift's shortest form.
    static func appendNumber(_ value: Double, to text: inout String) {
        let scaled = (value * 10_000).rounded()
        guard abs(scaled) < 1e15, scaled / 10_000 == value else {
            text += "\(value)"
            return
        }
        var units = Int64(scaled)
        if units < 0 {
            text += "-"
            units = -units
        }
        text += String(units / 10_000)
        var fraction = units % 10_000
        guard fraction != 0 else { return }
        var digits = 4
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let body = String(fraction)
        text += "."
        text += String(repeating: "0", count: digits - body.count)
        text += body
    }
}
