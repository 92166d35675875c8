extension DriftAlert {
    /// The record for a transition of a type's out-of-range share.
    public static func outOfRangeSpike(_ transition: AlertLifecycle.Transition, type: VesselType, rate: OutOfRangeRate,
                                       settings: OutOfRangeRate.Settings) -> DriftAlert {
        let (startsAt, endsAt, severity, status) = transition.parts
        let percent = String(format2: rate.lastRate * 100), usual = String(format2: rate.usualRate * 100)
        return DriftAlert(
            labels: Labels(alertname: "OutOfRangeSpike", severity: severity, vesselType: type, vesselID: nil, model: "none",
                           modelVersion: 0, feature: "telemetry", detector: "out_of_range_rate"),
            annotations: Annotations(
                summary: status == .firing ? "\(percent) % of \(type.rawValue) telemetry in the last hour had values out of range (usually \(usual) %)"
                                           : "\(type.rawValue) telemetry is back in range (\(percent) % last hour)",
                statistic: rate.lastRate, threshold: max(settings.minimumRate, settings.factor * rate.usualRate),
                window: "hourly share of records, by Kafka timestamp", referencePeriod: "the type's usual hourly share (EWMA)",
                runbookURL: "docs/runbooks/out-of-range-spike.md"),
            startsAt: startsAt, endsAt: endsAt, status: status)
    }
}
