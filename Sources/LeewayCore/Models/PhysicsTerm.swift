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

    /// The terms `leeway train` fits by default: the physics of a displacement hull.
    public static let standard: [PhysicsTerm] = [.admiralty, .fouling, .waves, .headWaves, .headWind, .loadCurve]

    /// The term's value for `inputs`.
    @inline(__always)
    public func value(_ inputs: PhysicsInputs) -> Double {
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
        }
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
