/// The model Leeway serves before any trained one is approved: Admiralty law with the
/// type's typical particulars (``HullClass/shaftPower(speed:draft:daysSinceCleaning:waveHeight:windSpeed:relativeWind:)``:
/// fouling, waves and wind from the report) and the engine's fuel curve. It knows nothing
/// about the individual ship.
public struct PhysicsBaseline: PredictionModel {
    /// The particulars it assumes.
    public let hull: HullClass
    /// `<type>-physics-baseline`, version 0, kind `physics-baseline`.
    public let identity: ModelIdentity

    /// Residual standard deviation, as a fraction of the predicted value, that drift
    /// detection standardizes residuals with: sensor noise of a well-kept fuel meter and log.
    public static let relativeResidualDeviation = 0.03

    /// The baseline for `type`.
    public init(type: VesselType) {
        hull = HullClass.typical(type)
        identity = ModelIdentity(name: "\(type.rawValue)-physics-baseline", version: 0, kind: "physics-baseline")
    }

    public func predict(_ report: Telemetry, state: borrowing VesselState) -> TargetValues? {
        guard let inputs = PhysicsInputs(report, state: state, assumedDraft: hull.ladenDraft) else { return nil }
        let power = min(hull.shaftPower(speed: inputs.speed, draft: inputs.draft, daysSinceCleaning: inputs.daysSinceCleaning,
                                        waveHeight: inputs.waveHeight, windSpeed: inputs.windSpeed,
                                        relativeWind: inputs.relativeWind), hull.maxPower)
        var values = TargetValues()
        values[.shaftPower] = power
        values[.fuelRate] = power * hull.sfoc(load: power / hull.maxPower) / 1e6
        return values
    }
}
