/// One of a vessel's own watches that can raise an alert: the place to add a watch so that
/// counting, withdrawing and checking firing alerts all see it.
public enum VesselWatch: Sendable, Equatable {
    /// The fuel model's residual drift (``ResidualWatch``): `FuelResidualDrift`.
    case fuelResidual
    /// A sensor repeating one value (index into ``StuckSensor/fields``): `StuckSensor`.
    case stuckSensor(Int)
    /// Speed log against speed over ground (``SpeedLogCheck``): `SpeedLogDisagreement`.
    case speedLog
}
