import LeewayCore

/// The particulars the simulator's physics needs for one kind of vessel: how big it is, how
/// fast it goes, how its engine burns fuel.
public struct HullParticulars: Sendable {
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
    /// Typical sea passage length, hours.
    public var passageHours: ClosedRange<Double>
    /// Typical port stay, hours.
    public var portHours: ClosedRange<Double>

    /// Displacement at `draft`: a wall-sided hull, proportional to draught.
    public func displacement(atDraft draft: Double) -> Double { designDisplacement * draft / ladenDraft }

    /// Calm-water shaft power at `speed` knots and `draft` metres, clean hull (Admiralty law).
    public func calmWaterPower(speed: Double, draft: Double) -> Double {
        pow(displacement(atDraft: draft), 2.0 / 3.0) * speed * speed * speed / admiraltyCoefficient
    }

    /// Specific fuel consumption at `load` (0…1 of max power): a bowl around 80 % load.
    public func sfoc(load: Double) -> Double {
        minimumSFOC * (1 + 0.35 * (load - 0.8) * (load - 0.8))
    }

    /// Default particulars per vessel type.
    public static func typical(_ type: VesselType) -> HullParticulars {
        switch type {
        case .tanker: .init(120_000, 15.0, 7.0, 13.5, 520, 16_000, 168, 1_100, 150...400, 18...40)
        case .container: .init(90_000, 13.0, 8.0, 18.0, 480, 45_000, 165, 3_500, 40...200, 10...24)
        case .bulk: .init(95_000, 14.0, 6.5, 13.0, 500, 11_000, 170, 900, 150...400, 24...72)
        case .cruise: .init(50_000, 8.5, 8.0, 18.0, 300, 60_000, 180, 6_000, 10...30, 8...14)
        case .passenger: .init(8_000, 5.5, 5.0, 16.0, 190, 14_000, 190, 1_200, 1...6, 1...4)
        case .dredger: .init(30_000, 9.5, 5.0, 12.0, 260, 12_000, 185, 700, 4...20, 6...18)
        case .tug: .init(900, 5.0, 4.8, 11.0, 60, 4_000, 200, 180, 1...6, 2...12)
        case .fishing: .init(2_000, 6.0, 5.0, 11.0, 110, 2_500, 205, 250, 20...150, 12...48)
        case .other: .init(10_000, 7.0, 5.0, 12.0, 250, 5_000, 190, 500, 10...80, 6...30)
        }
    }

    init(_ displacement: Double, _ laden: Double, _ ballast: Double, _ speed: Double, _ c: Double, _ power: Double,
         _ sfoc: Double, _ windage: Double, _ passage: ClosedRange<Double>, _ port: ClosedRange<Double>) {
        designDisplacement = displacement
        ladenDraft = laden
        ballastDraft = ballast
        serviceSpeed = speed
        admiraltyCoefficient = c
        maxPower = power
        minimumSFOC = sfoc
        windageArea = windage
        passageHours = passage
        portHours = port
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
