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
            text += value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
        }
        if let event {
            text += #","event":""#
            text += event.rawValue
            text += "\""
        }
        text += "}"
        return Array(text.utf8)
    }
}
