/// The exponents of a hull's power law P ∝ T^draft · V^speed. Admiralty law with a
/// wall-sided hull (displacement ∝ draught) gives speed 3 and draft 2/3; a trained model
/// learns its own within physical bounds.
public struct PhysicsExponents: Sendable, Equatable {
    /// The exponent of speed through water.
    public var speed: Double
    /// The exponent of draught.
    public var draft: Double

    /// Exponents given directly.
    public init(speed: Double, draft: Double) {
        self.speed = speed
        self.draft = draft
    }

    /// Admiralty law: speed 3, draught 2/3.
    public static let admiralty = PhysicsExponents(speed: 3, draft: 2.0 / 3.0)
}
