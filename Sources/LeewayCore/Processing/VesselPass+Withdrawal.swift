extension VesselPass {
    /// The ids of `vessel`'s firing alerts: its fuel-model drift watch, stuck-sensor and
    /// speed-log checks (labelled with its type's serving model, as their resolution would
    /// be) and, when `stale`, its stale-telemetry alert. What to withdraw when the vessel is
    /// forgotten: nothing would ever resolve them.
    public func firingAlertIDs(of vessel: VesselState, stale: Bool) -> [String] {
        let model = models.model(for: vessel.vesselType).identity
        var labels: [DriftAlert.Labels] = []
        if stale { labels.append(.staleTelemetry(vessel)) }
        if vessel.fuelDrift.lifecycle.isFiring { labels.append(.fuelResidual(vessel, model: model, severity: .warning)) }
        for (index, field) in StuckSensor.fields.enumerated() where vessel.sensors.lifecycles[index].isFiring {
            labels.append(.stuckSensor(field, vessel: vessel, model: model, severity: .warning))
        }
        if vessel.speedLog.lifecycle.isFiring { labels.append(.speedLog(vessel, model: model, severity: .warning)) }
        return labels.map(\.id)
    }
}
