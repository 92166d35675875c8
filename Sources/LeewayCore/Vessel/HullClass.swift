/// Design particulars typical of one kind of vessel: what the physics baseline assumes
/// before a trained model exists, and what the simulator builds its ships from.
public struct HullClass: Sendable, Equatable {
    /// Displacement at the design (laden) draught, tonnes.
    public var designDisplacement: Double
    /// Laden draught, metres.
    public var ladenDraft: Double
    /// Ballast draught, metres.
    public var ballastDraft: Double
    /// Service speed through water, knots.
    public var serviceSpeed: Double
    /// Admiralty coefficient C in P = Δ^(2/3)·V³ / C (kW, tonnes, knots).
    public var admiraltyCoefficient: Double
    /// Installed main-engine power, kW.
    public var maxPower: Double
    /// Lowest specific fuel-oil consumption, g/kWh, at about 80 % load.
    public var minimumSFOC: Double
    /// Transverse area above water for wind resistance, m².
    public var windageArea: Double

    /// Displacement at `draft`: a wall-sided hull, proportional to draught.
    public func displacement(atDraft draft: Double) -> Double { designDisplacement * draft / ladenDraft }

    /// Calm-water shaft power, kW, at `speed` knots and `draft` metres, clean hull (Admiralty law).
    public func calmWaterPower(speed: Double, draft: Double) -> Double {
        let root = cbrt(displacement(atDraft: draft))
        return root * root * speed * speed * speed / admiraltyCoefficient
    }

    /// Shaft power, kW, at `speed` knots through water and `draft` metres: calm-water
    /// Admiralty power scaled by hull fouling (+0.09 %/day since cleaning) and waves
    /// (+1.2 %·H², more from ahead), plus the power to push the hull through the apparent
    /// wind. `relativeWind` is the wind's direction (where it comes from) minus the
    /// vessel's course, in degrees: 0 is a head wind.
    public func shaftPower(speed: Double, draft: Double, daysSinceCleaning: Double, waveHeight: Double,
                           windSpeed: Double, relativeWind: Double) -> Double {
        let angle = cos(relativeWind * .pi / 180)
        let fouling = 1 + 0.0009 * daysSinceCleaning
        let waves = 1 + 0.012 * waveHeight * waveHeight * (0.6 + 0.4 * angle)
        let shipSpeed = speed * 0.5144
        let apparent = max(0, shipSpeed + windSpeed * angle)
        let windPower = 0.5 * 1.225 * 0.8 * windageArea * apparent * apparent * shipSpeed / 0.7 / 1000
        return calmWaterPower(speed: speed, draft: draft) * fouling * waves + windPower
    }

    /// Specific fuel consumption, g/kWh, at `load` (0…1 of max power): a bowl around 80 % load.
    public func sfoc(load: Double) -> Double {
        minimumSFOC * (1 + 0.35 * (load - 0.8) * (load - 0.8))
    }

    /// The draught halfway between ballast and laden: deeper is laden.
    public var ladenThreshold: Double { (ladenDraft + ballastDraft) / 2 }

    /// Typical particulars per vessel type.
    public static func typical(_ type: VesselType) -> HullClass {
        switch type {
        case .tanker: .init(120_000, 15.0, 7.0, 13.5, 520, 16_000, 168, 1_100)
        case .container: .init(90_000, 13.0, 8.0, 18.0, 480, 45_000, 165, 3_500)
        case .bulk: .init(95_000, 14.0, 6.5, 13.0, 500, 11_000, 170, 900)
        case .cruise: .init(50_000, 8.5, 8.0, 18.0, 300, 60_000, 180, 6_000)
        case .passenger: .init(8_000, 5.5, 5.0, 16.0, 190, 14_000, 190, 1_200)
        case .dredger: .init(30_000, 9.5, 5.0, 12.0, 260, 12_000, 185, 700)
        case .tug: .init(900, 5.0, 4.8, 11.0, 60, 4_000, 200, 180)
        case .fishing: .init(2_000, 6.0, 5.0, 11.0, 110, 2_500, 205, 250)
        case .other: .init(10_000, 7.0, 5.0, 12.0, 250, 5_000, 190, 500)
        }
    }

    init(_ displacement: Double, _ laden: Double, _ ballast: Double, _ speed: Double, _ c: Double,
         _ power: Double, _ sfoc: Double, _ windage: Double) {
        designDisplacement = displacement
        ladenDraft = laden
        ballastDraft = ballast
        serviceSpeed = speed
        admiraltyCoefficient = c
        maxPower = power
        minimumSFOC = sfoc
        windageArea = windage
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
