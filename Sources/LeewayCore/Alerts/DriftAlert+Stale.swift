extension DriftAlert {
    /// The record for a vessel that has sent nothing for `after` of event time (its own
    /// partition's clock): firing from `lastEventTime + after`, resolved when a report
    /// arrives at `resumedAt`. Deterministic in the vessel's state, so a re-sent record after
    /// a restart is identical.
    public static func staleTelemetry(_ vessel: VesselState, after: Duration, resumedAt: EventTime?) -> DriftAlert {
        let seconds = Double(after.components.seconds)
        let startsAt = vessel.lastEventTime.advanced(by: after)
        return DriftAlert(
            labels: .staleTelemetry(vessel),
            annotations: Annotations(
                summary: resumedAt == nil ? "no telemetry from \(vessel.vesselID) since \(vessel.lastEventTime)"
                                          : "telemetry from \(vessel.vesselID) resumed",
                statistic: seconds, threshold: seconds, window: "event time since the last report",
                referencePeriod: "none", runbookURL: "docs/runbooks/stale-telemetry.md"),
            startsAt: startsAt, endsAt: resumedAt, status: resumedAt == nil ? .firing : .resolved)
    }
}

extension DriftAlert.Labels {
    /// The labels of a vessel's stale-telemetry alert.
    static func staleTelemetry(_ vessel: VesselState) -> Self {
        Self(alertname: "StaleTelemetry", severity: .warning, vesselType: vessel.vesselType, vesselID: vessel.vesselID,
             model: "none", modelVersion: 0, feature: "telemetry", detector: "stale")
    }
}
