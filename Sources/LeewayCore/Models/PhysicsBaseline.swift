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
        guard let speed = report[.speedThroughWater] else { return nil }
        let draft = report[.draft] ?? state.draft ?? hull.ladenDraft
        let days = report[.daysSinceHullCleaning] ?? state.daysSinceHullCleaning ?? 0
        let course = report[.courseOverGround] ?? report[.heading]
        let relativeWind = course.flatMap { course in report[.windDirection].map { $0 - course } } ?? 90
        let power = min(hull.shaftPower(speed: speed, draft: draft, daysSinceCleaning: days, waveHeight: report[.waveHeight] ?? 0,
                                        windSpeed: report[.windSpeed] ?? 0, relativeWind: relativeWind), hull.maxPower)
        var values = TargetValues()
        values[.shaftPower] = power
        values[.fuelRate] = power * hull.sfoc(load: power / hull.maxPower) / 1e6
        return values
    }
}
