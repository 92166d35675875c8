extension DriftAlert {
    /// The record for a transition of a vessel's speed-log check.
    public static func speedLog(_ transition: AlertLifecycle.Transition, vessel: VesselState, model: ModelIdentity) -> DriftAlert {
        let (startsAt, endsAt, severity, status) = transition.parts
        let check = vessel.speedLog
        let difference = String(format2: check.lastDifference)
        return DriftAlert(
            labels: .speedLog(vessel, model: model, severity: severity),
            annotations: Annotations(
                summary: status == .firing
                    ? "\(vessel.vesselID)'s speed log disagrees with GPS speed over ground by \(difference) kn, hour after hour"
                    : "\(vessel.vesselID)'s speed log agrees with GPS again (\(difference) kn last hour)",
                statistic: check.lastDifference, threshold: SpeedLogCheck.knots,
                window: "\(SpeedLogCheck.hours) consecutive hourly means of speed through water minus over ground",
                referencePeriod: "none", runbookURL: "docs/runbooks/speed-log-disagreement.md"),
            startsAt: startsAt, endsAt: endsAt, status: status)
    }
}

extension DriftAlert.Labels {
    /// The labels of a vessel's speed-log alert.
    static func speedLog(_ vessel: VesselState, model: ModelIdentity, severity: AlertSeverity) -> Self {
        Self(alertname: "SpeedLogDisagreement", severity: severity, vesselType: vessel.vesselType, vesselID: vessel.vesselID,
             model: model.name, modelVersion: model.version, feature: TelemetryField.speedThroughWater.jsonName,
             detector: "speed_log_vs_sog")
    }
}
