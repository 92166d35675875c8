extension VesselPass {
    /// The ids of `vessel`'s firing alerts: its fuel-model drift watch, stuck-sensor and
    /// speed-log checks and, when `stale`, its stale-telemetry alert (an id does not depend
    /// on the model, so the type's serving one labels them). What to withdraw when the
    /// vessel is forgotten: nothing would ever resolve them.
    public func firingAlertIDs(of vessel: VesselState, stale: Bool) -> [String] {
        let model = models.served(for: vessel.vesselType).identity
        var labels: [DriftAlert.Labels] = []
        if stale { labels.append(.staleTelemetry(vessel)) }
        vessel.forEachFiringWatch { watch in
            switch watch {
            case .fuelResidual: labels.append(.fuelResidual(vessel, model: model, severity: .warning))
            case .stuckSensor(let index): labels.append(.stuckSensor(StuckSensor.fields[index], vessel: vessel, model: model, severity: .warning))
            case .speedLog: labels.append(.speedLog(vessel, model: model, severity: .warning))
            }
        }
        return labels.map(\.id)
    }
}
