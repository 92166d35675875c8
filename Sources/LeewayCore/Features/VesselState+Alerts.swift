extension VesselState {
    /// Whether one of the vessel's own watches (fuel-model drift, stuck sensors, speed log)
    /// has its alert firing.
    public var hasFiringAlert: Bool {
        if fuelDrift.lifecycle.isFiring || speedLog.lifecycle.isFiring { return true }
        for index in sensors.lifecycles.indices where sensors.lifecycles[index].isFiring { return true }
        return false
    }
}
