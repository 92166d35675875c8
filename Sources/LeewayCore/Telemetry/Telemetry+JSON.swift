extension Telemetry {
    /// The record as telemetry v1 JSON, members in schema order; decodes back to an equal
    /// record. At most 64 (id) + 14 × 50 (measurements) + 200 bytes: 1 KiB bounds it.
    public var json: [UInt8] {
        JSONWriter.encode(capacity: 1_024) { writer in write(to: &writer) }
    }

    private func write(to writer: inout JSONWriter) {
        writer.raw(#"{"vessel_id":""#)
        writer.plain(vesselID)
        writer.raw(#"","vessel_type":""#)
        writer.plain(vesselType.rawValue)
        writer.raw(#"","ts":"#)
        writer.time(eventTime)
        for field in TelemetryField.ordered {
            guard let value = self[field] else { continue }
            writer.raw(",\"")
            writer.raw(field.name)
            writer.raw("\":")
            writer.number(value)
        }
        if let event {
            writer.raw(#","event":""#)
            writer.plain(event.rawValue)
            writer.raw("\"")
        }
        writer.raw("}")
    }
}
