/// Which physics the simulator's ships follow. Models and detectors are evaluated on both:
/// a figure measured only on data made with the physics the baseline assumes is partly true
/// by construction.
public enum SimulatorPhysics: String, Sendable, CaseIterable {
    /// The baseline's own formula (``LeewayCore/HullClass/shaftPower(speed:draft:daysSinceCleaning:waveHeight:windSpeed:relativeWind:)``):
    /// displacement ∝ draught, fouling +0.09 %/day, waves +1.2 %·H² (more from ahead), wind
    /// on the head component, a specific-consumption bowl around 80 % load.
    case baseline
    /// Physics the baseline does not assume: displacement ∝ draught^1.4, a fouling share per
    /// day that differs per ship, added resistance ∝ H^1.5 weighted by (1 + cos θ)/2, wind
    /// drag from the apparent wind's full vector (a following wind helps), and a constant
    /// specific consumption per ship.
    case variant
}
