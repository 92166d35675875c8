extension DriftAlert {
    /// The record for a transition of a type's data-drift watch on `target`'s residual in `regime`.
    public static func dataDrift(_ transition: AlertLifecycle.Transition, type: VesselType, regime: OperatingRegime,
                                 target: PredictionTarget, watch: DataDriftWatch, references: DriftReferences,
                                 settings: DataDriftWatch.Settings) -> DriftAlert {
        let (startsAt, endsAt, severity, status) = transition.parts
        let test = watch.lastTest
        let psi = test?.psi ?? 0
        let hours = settings.window.components.seconds / 3600
        let summary = status == .firing
            ? "\(type.rawValue) \(target.name) residuals (\(regime.name)) no longer look like \(references.model.name) v\(references.model.version)'s training data: PSI \(String(format2: psi)), KS p \(String(format2: test?.ks.pValue ?? 1)) over \(test?.sample ?? 0) vessel-hours"
            : "\(type.rawValue) \(target.name) residuals (\(regime.name)) match the training data again"
        return DriftAlert(
            labels: Labels(alertname: "DataDrift", severity: severity, vesselType: type, vesselID: nil,
                           model: references.model.name, modelVersion: references.model.version,
                           feature: DataDriftMonitor.key(target, regime: regime), detector: "psi_ks"),
            annotations: Annotations(summary: summary, statistic: psi,
                                     threshold: severity == .critical ? settings.criticalPSI : settings.warningPSI,
                                     window: "\(hours) h of event time, one report per vessel-hour, tested hourly", referencePeriod: references.period,
                                     runbookURL: "docs/runbooks/data-drift.md"),
            startsAt: startsAt, endsAt: endsAt, status: status)
    }
}
