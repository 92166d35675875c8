/// How one ship differs from its type's model, learnt in training: its hull needs
/// ``hull`` times the type's hull power (a cleaner or rougher hull, a different Admiralty
/// coefficient) and its engine burns ``fuel`` times the type's fuel for the same power.
/// Ships the model was not trained on are served as the type's typical ship (1, 1).
public struct VesselCalibration: Sendable, Equatable {
    /// Factor on the hull terms of shaft power.
    public var hull: Double
    /// Factor on fuel above the hotel load.
    public var fuel: Double

    /// A calibration.
    public init(hull: Double, fuel: Double) {
        self.hull = hull
        self.fuel = fuel
    }

    /// The type's typical ship.
    public static let typical = VesselCalibration(hull: 1, fuel: 1)
}
