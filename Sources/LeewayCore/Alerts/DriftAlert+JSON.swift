extension DriftAlert {
    /// The schema version in every alert record's `leeway.schema` header.
    public static let schemaVersion = "alert.v1"

    /// Alert record v1 JSON, members in a fixed order.
    public var json: [UInt8] {
        let text = annotations.summary.utf8.count + annotations.window.utf8.count + annotations.referencePeriod.utf8.count
            + annotations.runbookURL.utf8.count + (annotations.reportURL?.utf8.count ?? 0)
        return JSONWriter.encode(capacity: 1_024 + 6 * text + labels.model.utf8.count + labels.alertname.utf8.count * 2) { w in
            w.raw("{\"id\":\""); w.plain(id)
            w.raw("\",\"status\":\""); w.plain(status.rawValue)
            w.raw("\",\"labels\":{\"alertname\":"); w.string(labels.alertname)
            w.raw(",\"severity\":\""); w.plain(labels.severity.rawValue)
            w.raw("\",\"vessel_type\":\""); w.plain(labels.vesselType.rawValue)
            w.raw("\",\"vessel_id\":"); w.quoted(labels.vesselID)
            w.raw(",\"model\":"); w.string(labels.model)
            w.raw(",\"model_version\":"); w.digits(Int64(labels.modelVersion))
            w.raw(",\"feature\":"); w.string(labels.feature)
            w.raw(",\"detector\":"); w.string(labels.detector)
            w.raw("},\"annotations\":{\"summary\":"); w.string(annotations.summary)
            w.raw(",\"statistic\":"); w.number(annotations.statistic, decimals: 6)
            w.raw(",\"threshold\":"); w.number(annotations.threshold, decimals: 6)
            w.raw(",\"window\":"); w.string(annotations.window)
            w.raw(",\"reference_period\":"); w.string(annotations.referencePeriod)
            w.raw(",\"runbook_url\":"); w.string(annotations.runbookURL)
            w.raw(",\"report_url\":")
            if let report = annotations.reportURL { w.string(report) } else { w.raw("null") }
            w.raw("},\"startsAt\":"); w.time(startsAt)
            w.raw(",\"endsAt\":")
            if let endsAt { w.time(endsAt) } else { w.raw("null") }
            w.raw("}")
        }
    }
}
