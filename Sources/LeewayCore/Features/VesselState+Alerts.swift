extension VesselState {
    /// Calls `body` with each of the vessel's own watches whose alert is firing, in the order
    /// fuel residual, stuck sensors (in ``StuckSensor/fields`` order), speed log. Stale
    /// telemetry is not among them: the partition judges it, not the vessel.
    public func forEachFiringWatch(_ body: (VesselWatch) -> Void) {
        if fuelDrift.lifecycle.isFiring { body(.fuelResidual) }
        for index in sensors.lifecycles.indices where sensors.lifecycles[index].isFiring { body(.stuckSensor(index)) }
        if speedLog.lifecycle.isFiring { body(.speedLog) }
    }

    /// How many of the vessel's own watches have their alert firing.
    public var firingAlertCount: Int {
        var count = 0
        forEachFiringWatch { _ in count += 1 }
        return count
    }

    /// Whether one of the vessel's own watches (fuel-model drift, stuck sensors, speed log)
    /// has its alert firing.
    public var hasFiringAlert: Bool { firingAlertCount > 0 }
}
