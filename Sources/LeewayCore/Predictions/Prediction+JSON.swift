extension Prediction {
    /// The schema version in every prediction record's `leeway.schema` header.
    public static let schemaVersion = "prediction.v1"

    /// Prediction record v1 JSON; members in a fixed order, numbers rounded per target.
    public var json: [UInt8] {
        JSONWriter.encode(capacity: 768 + model.name.utf8.count) { w in
            w.raw("{\"vessel_id\":\""); w.plain(vesselID)
            w.raw("\",\"vessel_type\":\""); w.plain(vesselType.rawValue)
            w.raw("\",\"ts\":"); w.time(eventTime)
            w.raw(",\"produced_at\":"); w.time(producedAt)
            // Model names and kinds come from registered artifacts: any text, escaped.
            w.raw(",\"model\":{\"name\":"); w.string(model.name)
            w.raw(",\"version\":"); w.digits(Int64(model.version))
            w.raw(",\"kind\":"); w.string(model.kind)
            w.raw("},\"targets\":")
            members(&w) { targets[$0] }
            w.raw(",\"actuals\":")
            members(&w) { actuals[$0] }
            w.raw(",\"residuals\":")
            members(&w) { residual($0) }
            w.raw(",\"feature_time\":"); w.time(featureTime)
            w.raw(",\"quality\":[")
            var first = true
            for (flag, name) in PredictionQuality.names where quality.contains(flag) {
                if !first { w.raw(",") }
                first = false
                w.raw("\""); w.raw(name); w.raw("\"")
            }
            w.raw("]}")
        }
    }

    private func members(_ w: inout JSONWriter, _ value: (PredictionTarget) -> Double?) {
        w.raw("{")
        var first = true
        for target in PredictionTarget.ordered {
            guard let number = value(target) else { continue }
            if !first { w.raw(",") }
            first = false
            w.raw("\""); w.raw(target.name); w.raw("\":")
            w.number(number, decimals: target.decimals)
        }
        w.raw("}")
    }
}
