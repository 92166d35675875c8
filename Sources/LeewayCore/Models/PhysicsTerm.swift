/// One regressor of a linear physics model: a transform of the report's physics inputs
/// that enters the prediction with a fitted coefficient. Names are the artifact's.
public enum PhysicsTerm: String, Sendable, CaseIterable, Codable {
    /// Admiralty law's speed dependence alone.
    case speedCubed = "stw_kn^3"
    /// Admiralty law: displacement (∝ draught) to the 2/3 times speed cubed.
    case admiralty = "draft_m^(2/3)*stw_kn^3"
    /// Fouling: Admiralty power growing with days since the hull was cleaned.
    case fouling = "days_since_hull_cleaning*draft_m^(2/3)*stw_kn^3"
    /// Added resistance in waves: Admiralty power times the wave height squared.
    case waves = "wave_height_m^2*draft_m^(2/3)*stw_kn^3"
    /// Waves from ahead add more than waves from astern: the wave term times the cosine of
    /// the wind's (and so the sea's) direction relative to the course.
    case headWaves = "wave_height_m^2*cos(relative_wind)*draft_m^(2/3)*stw_kn^3"
    /// Wind resistance: apparent head wind squared times speed.
    case headWind = "head_wind_ms^2*stw_kn"
    /// Wave height on its own.
    case waveHeight = "wave_height_m"
    /// Fouling on its own.
    case daysSinceCleaning = "days_since_hull_cleaning"
    /// The engine's load curve: specific consumption varies with load, so fuel bends away
    /// from power; Admiralty power squared carries that curvature.
    case loadCurve = "(draft_m^(2/3)*stw_kn^3)^2"
    /// The load curve's third-order part (the specific-consumption bowl is quadratic in load).
    case loadCurveCubed = "(draft_m^(2/3)*stw_kn^3)^3"
    /// The hull's power law with the model's own exponents (``PhysicsExponents``).
    case hull = "draft_m^b*stw_kn^a"
    /// Fouling: the hull's power growing with days since cleaning.
    case hullFouling = "days_since_hull_cleaning*draft_m^b*stw_kn^a"
    /// Added resistance in waves from any direction.
    case hullWaves = "wave_height_m^2*draft_m^b*stw_kn^a"
    /// The extra resistance of waves from ahead: weight 1 ahead, 0 astern.
    case hullHeadWaves = "wave_height_m^2*(1+cos(relative_wind))/2*draft_m^b*stw_kn^a"
    /// Wind resistance added by the true wind (calm air's drag taken away, so the hull's power
    /// law alone carries a calm passage): (apparent head wind² − ship speed²) × speed.
    case addedHeadWind = "(head_wind_ms^2-stw_ms^2)*stw_kn"
    /// Wind drag added by the true wind, from the apparent wind's whole vector:
    /// (apparent wind × its component from ahead − ship speed²) × speed; negative with a following wind.
    case addedWindDrag = "(apparent_wind_ms*ahead_wind_ms-stw_ms^2)*stw_kn"
    /// Fuel from the model's own predicted shaft power: the engine's mean specific consumption.
    case predictedPower = "shaft_power_kw"
    /// Fuel's load curve: specific consumption rising away from 80 % of the type's installed power.
    case predictedPowerLoad = "shaft_power_kw*(shaft_power_kw/max_power_kw-0.8)^2"

    /// Shaft power's terms in `leeway train`'s fit: the hull's power law scaled by fouling
    /// and waves, plus wind. Every coefficient is non-negative.
    public static let shaftPower: [PhysicsTerm] = [.hull, .hullFouling, .hullWaves, .hullHeadWaves, .addedHeadWind, .addedWindDrag]
    /// Fuel's terms in `leeway train`'s fit: predicted shaft power times the engine's curve.
    public static let fuel: [PhysicsTerm] = [.predictedPower, .predictedPowerLoad]

    /// Whether the term is the hull's power law (scaled by ``VesselCalibration/hull``).
    public var isHullTerm: Bool { self == .hull || self == .hullFouling || self == .hullWaves || self == .hullHeadWaves }

    /// Whether the term reads the model's predicted shaft power.
    public var readsPredictedPower: Bool { self == .predictedPower || self == .predictedPowerLoad }

    /// The term's value for `inputs`.
    /// `exponents` shape the hull terms; `power` (kW, predicted) and `maxPower` (kW) the fuel terms.
    @inline(__always)
    public func value(_ inputs: PhysicsInputs, exponents: PhysicsExponents = .admiralty, power: Double = .nan,
                      maxPower: Double = .nan) -> Double {
        value(inputs, hull: isHullTerm ? Self.hullPower(inputs, exponents) : .nan, power: power, maxPower: maxPower)
    }

    /// The term's value given the hull's power law T^b·V^a already computed as `hull`
    /// (``hullPower(_:_:)``), so that a model evaluates it once per report, not once per term.
    @inline(__always)
    public func value(_ inputs: PhysicsInputs, hull: Double, power: Double, maxPower: Double) -> Double {
        switch self {
        case .speedCubed: return inputs.speed * inputs.speed * inputs.speed
        case .admiralty: return Self.admiralty(inputs)
        case .fouling: return inputs.daysSinceCleaning * Self.admiralty(inputs)
        case .waves: return inputs.waveHeight * inputs.waveHeight * Self.admiralty(inputs)
        case .headWaves:
            return inputs.waveHeight * inputs.waveHeight * cos(inputs.relativeWind * .pi / 180) * Self.admiralty(inputs)
        case .headWind: return inputs.headWind * inputs.headWind * inputs.speed
        case .waveHeight: return inputs.waveHeight
        case .daysSinceCleaning: return inputs.daysSinceCleaning
        case .loadCurve:
            let admiralty = Self.admiralty(inputs)
            return admiralty * admiralty
        case .loadCurveCubed:
            let admiralty = Self.admiralty(inputs)
            return admiralty * admiralty * admiralty
        case .hull: return hull
        case .hullFouling: return inputs.daysSinceCleaning * hull
        case .hullWaves: return inputs.waveHeight * inputs.waveHeight * hull
        case .hullHeadWaves:
            let weight = (1 + cos(inputs.relativeWind * .pi / 180)) / 2
            return inputs.waveHeight * inputs.waveHeight * weight * hull
        case .addedHeadWind:
            let ship = inputs.speed * 0.5144
            return (inputs.headWind * inputs.headWind - ship * ship) * inputs.speed
        case .addedWindDrag:
            let ship = inputs.speed * 0.5144
            return (inputs.apparentWind * inputs.aheadWind - ship * ship) * inputs.speed
        case .predictedPower: return power
        case .predictedPowerLoad:
            let load = power / maxPower - 0.8
            return power * load * load
        }
    }

    /// The hull's power law T^b·V^a with `exponents` (0 at rest).
    public static func hullPower(_ inputs: PhysicsInputs, _ exponents: PhysicsExponents) -> Double {
        guard inputs.speed > 0, inputs.draft > 0 else { return 0 }
        return pow(inputs.draft, exponents.draft) * pow(inputs.speed, exponents.speed)
    }

    private static func admiralty(_ inputs: PhysicsInputs) -> Double {
        let root = cbrt(max(inputs.draft, 0))
        return root * root * inputs.speed * inputs.speed * inputs.speed
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
