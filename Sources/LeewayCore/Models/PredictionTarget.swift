/// What a model predicts. Every target names its unit and the telemetry field that carries
/// its actual value, so residuals come for free when a report has the measurement.
public enum PredictionTarget: Int, Sendable, CaseIterable {
    /// Main-engine fuel consumption, tonnes per hour.
    case fuelRate
    /// Shaft power, kilowatts.
    case shaftPower

    /// The name in prediction records and model artifacts.
    public var name: StaticString {
        switch self {
        case .fuelRate: "fuel_rate_tph"
        case .shaftPower: "shaft_power_kw"
        }
    }

    /// The telemetry field holding the actual value.
    public var actual: TelemetryField {
        switch self {
        case .fuelRate: .fuelRate
        case .shaftPower: .shaftPower
        }
    }

    /// Decimals kept in published values: finer than any sensor resolves.
    public var decimals: Int {
        switch self {
        case .fuelRate: 5
        case .shaftPower: 2
        }
    }

    /// Every target, without the allocation `allCases` makes per call.
    public static let ordered: [PredictionTarget] = allCases
}
