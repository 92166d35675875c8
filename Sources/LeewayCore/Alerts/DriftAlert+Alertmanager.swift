extension DriftAlert {
    /// The alert as one element of Alertmanager's `POST /api/v2/alerts` body: every label and
    /// annotation a string, no `vessel_id` for type-wide alerts, `endsAt` only once resolved.
    public var alertmanagerJSON: [UInt8] {
        JSONWriter.encode(capacity: json.count * 2 + 256) { w in
            w.raw("{\"labels\":{\"alertname\":"); w.string(labels.alertname)
            w.raw(",\"severity\":\""); w.plain(labels.severity.rawValue)
            w.raw("\",\"vessel_type\":\""); w.plain(labels.vesselType.rawValue); w.raw("\"")
            if let vessel = labels.vesselID { w.raw(",\"vessel_id\":"); w.string(vessel) }
            w.raw(",\"model\":"); w.string(labels.model)
            w.raw(",\"model_version\":\""); w.digits(Int64(labels.modelVersion))
            w.raw("\",\"feature\":"); w.string(labels.feature)
            w.raw(",\"detector\":"); w.string(labels.detector)
            w.raw(",\"alert_id\":\""); w.plain(id)
            w.raw("\"},\"annotations\":{\"summary\":"); w.string(annotations.summary)
            w.raw(",\"statistic\":\""); w.number(annotations.statistic, decimals: 6)
            w.raw("\",\"threshold\":\""); w.number(annotations.threshold, decimals: 6)
            w.raw("\",\"window\":"); w.string(annotations.window)
            w.raw(",\"reference_period\":"); w.string(annotations.referencePeriod)
            w.raw(",\"runbook_url\":"); w.string(annotations.runbookURL)
            if let report = annotations.reportURL { w.raw(",\"report_url\":"); w.string(report) }
            w.raw("},\"startsAt\":"); w.time(startsAt)
            if let endsAt { w.raw(",\"endsAt\":"); w.time(endsAt) }
            w.raw("}")
        }
    }
}
