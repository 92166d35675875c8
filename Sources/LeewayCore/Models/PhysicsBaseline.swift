/// The model Leeway serves before any trained one is approved: Admiralty law with the
/// type's typical particulars (``HullClass``), scaled for hull fouling and waves, and the
/// engine's fuel curve. It knows nothing about the individual ship.
public struct PhysicsBaseline: PredictionModel {
    /// The particulars it assumes.
    public let hull: HullClass
    /// `<type>-physics-baseline`, version 0, kind `physics-baseline`.
    public let identity: ModelIdentity

    /// Fouling: added resistance per day since hull cleaning.
    static let foulingPerDay = 0.0009
    /// Waves: added resistance per metre² of significant wave height.
    static let wavesPerSquareMetre = 0.0096

    /// The baseline for `type`.
    public init(type: VesselType) {
        hull = HullClass.typical(type)
        identity = ModelIdentity(name: "\(type.rawValue)-physics-baseline", version: 0, kind: "physics-baseline")
    }

    public func predict(_ report: Telemetry, state: borrowing VesselState) -> TargetValues? {
        guard let speed = report[.speedThroughWater] else { return nil }
        let draft = report[.draft] ?? state.draft ?? hull.ladenDraft
        let days = report[.daysSinceHullCleaning] ?? state.daysSinceHullCleaning ?? 0
        let waves = report[.waveHeight] ?? 0
        let power = min(hull.calmWaterPower(speed: speed, draft: draft)
            * (1 + Self.foulingPerDay * days) * (1 + Self.wavesPerSquareMetre * waves * waves), hull.maxPower)
        var values = TargetValues()
        values[.shaftPower] = power
        values[.fuelRate] = power * hull.sfoc(load: power / hull.maxPower) / 1e6
        return values
    }
}
