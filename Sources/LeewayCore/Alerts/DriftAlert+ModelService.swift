extension DriftAlert {
    /// The record of a batch model that has given no answer since `since` (wall clock), or
    /// answers again at `resumedAt`: its type is served by its physics baseline meanwhile.
    public static func modelServiceDown(_ type: VesselType, model: ModelIdentity, since: EventTime, reason: String,
                                        failedBatches: Int, resumedAt: EventTime? = nil) -> DriftAlert {
        DriftAlert(
            labels: Labels(alertname: "ModelServiceDown", severity: .critical, vesselType: type, vesselID: nil,
                           model: model.name, modelVersion: model.version, feature: "predictions", detector: "model_call"),
            annotations: Annotations(
                summary: resumedAt == nil
                    ? "\(model.name) v\(model.version) (\(model.kind)) gives no answers; \(type.rawValue) vessels are served by the physics baseline, flagged fallback_model: \(reason)"
                    : "\(model.name) v\(model.version) answers again; \(type.rawValue) vessels are served by it",
                statistic: Double(failedBatches), threshold: 1, window: "poll batches since \(since)",
                referencePeriod: "none", runbookURL: "docs/runbooks/model-service-down.md"),
            startsAt: since, endsAt: resumedAt, status: resumedAt == nil ? .firing : .resolved)
    }
}
