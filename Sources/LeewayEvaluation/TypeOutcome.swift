import LeewayCore

/// One vessel type's row of the evaluation table.
public struct TypeOutcome: Sendable {
    /// The type.
    public var type: VesselType
    /// The model that served it (`<type>-linear-physics v1`, or the baseline).
    public var model: String
    /// Checks passed of checks run (0 of 0 for the baseline).
    public var checksPassed = 0, checksRun = 0
    /// Names of the failed checks.
    public var failedChecks: [String] = []
    /// Out-of-time error after the training window on fault-free vessels, per target.
    public var mae: [PredictionTarget: Double] = [:], rmse: [PredictionTarget: Double] = [:]
    /// Fault-free vessel-days of the type.
    public var cleanVesselDays = 0.0
    /// FuelResidualDrift episodes that no injected fault explains.
    public var falseFuelDrift = 0
    /// Other alerts (speed log, stuck sensor) that no fault explains.
    public var falseOther = 0

    /// False FuelResidualDrift episodes per 100 fault-free vessel-days.
    public var falseFuelDriftRate: Double { cleanVesselDays > 0 ? Double(falseFuelDrift) / cleanVesselDays * 100 : 0 }
}
