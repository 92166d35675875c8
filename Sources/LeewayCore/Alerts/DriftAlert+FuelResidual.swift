extension DriftAlert {
    /// The record for a transition of a vessel's fuel-model drift watch.
    /// `relativeDeviation` is the model's residual deviation as a fraction of its prediction.
    public static func fuelResidual(_ transition: AlertLifecycle.Transition, vessel: VesselState, model: ModelIdentity,
                                    settings: ResidualWatch.Settings,
                                    relativeDeviation: Double = PhysicsBaseline.relativeResidualDeviation) -> DriftAlert {
        let (startsAt, endsAt, severity, status) = transition.parts
        let deviation = vessel.fuelDrift.lastDeviation
        let percent = Int((deviation * relativeDeviation * 100).rounded())
        let summary = status == .firing
            ? "\(vessel.vesselID) burns \(abs(percent)) % \(percent >= 0 ? "more" : "less") fuel than \(model.name) v\(model.version) expects (hourly mean \(String(format2: deviation)) residual deviations from its own level)"
            : "\(vessel.vesselID) burns fuel as \(model.name) v\(model.version) expects again"
        return DriftAlert(
            labels: .fuelResidual(vessel, model: model, severity: severity),
            annotations: Annotations(summary: summary, statistic: deviation, threshold: settings.level,
                                     window: "hourly means of standardized residuals since \(startsAt)",
                                     referencePeriod: "the vessel's first \(settings.referenceHours) hours at sea after its last maintenance",
                                     runbookURL: "docs/runbooks/fuel-residual-drift.md"),
            startsAt: startsAt, endsAt: endsAt, status: status)
    }
}

extension DriftAlert {
    /// The record for a transition of a vessel's stuck-sensor check on `field`.
    public static func stuckSensor(_ transition: AlertLifecycle.Transition, field: TelemetryField, vessel: VesselState,
                                   model: ModelIdentity) -> DriftAlert {
        let (startsAt, endsAt, severity, status) = transition.parts
        let repeats = vessel.sensors.repeats(of: field)
        return DriftAlert(
            labels: .stuckSensor(field, vessel: vessel, model: model, severity: severity),
            annotations: Annotations(
                summary: status == .firing ? "\(vessel.vesselID)'s \(field.jsonName) repeats the same reading while under way"
                                           : "\(vessel.vesselID)'s \(field.jsonName) reads live values again",
                statistic: Double(repeats), threshold: Double(StuckSensor.repeats), window: "consecutive reports under way",
                referencePeriod: "none", runbookURL: "docs/runbooks/stuck-sensor.md"),
            startsAt: startsAt, endsAt: endsAt, status: status)
    }
}

extension AlertLifecycle.Transition {
    /// Start, end, severity and record status.
    var parts: (EventTime, EventTime?, AlertSeverity, DriftAlert.Status) {
        switch self {
        case let .fired(startsAt, severity), let .escalated(startsAt, severity): (startsAt, nil, severity, .firing)
        case let .resolved(startsAt, endsAt, severity): (startsAt, endsAt, severity, .resolved)
        }
    }
}

extension String {
    /// A number with two decimals, without Foundation.
    init(format2 value: Double) {
        let scaled = Int64((abs(value) * 100).rounded())
        let fraction = scaled % 100
        self = (value < 0 && scaled > 0 ? "-" : "") + "\(scaled / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }
}

extension DriftAlert.Labels {
    /// The labels of a vessel's fuel-model drift alert.
    static func fuelResidual(_ vessel: VesselState, model: ModelIdentity, severity: AlertSeverity) -> Self {
        Self(alertname: "FuelResidualDrift", severity: severity, vesselType: vessel.vesselType, vesselID: vessel.vesselID,
             model: model.name, modelVersion: model.version, feature: "fuel_rate_tph", detector: "page_hinkley")
    }

    /// The labels of a vessel's stuck-sensor alert on `field`.
    static func stuckSensor(_ field: TelemetryField, vessel: VesselState, model: ModelIdentity, severity: AlertSeverity) -> Self {
        Self(alertname: "StuckSensor", severity: severity, vesselType: vessel.vesselType, vesselID: vessel.vesselID,
             model: model.name, modelVersion: model.version, feature: field.jsonName, detector: "stuck_sensor")
    }
}
