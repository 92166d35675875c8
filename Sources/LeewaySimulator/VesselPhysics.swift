import LeewayCore

/// One simulated ship's own particulars and the physics that turn speed, draught, fouling
/// and weather into shaft power and fuel. With no spread every ship of a type has the type's
/// typical hull; with a spread each ship differs (displacement, Admiralty coefficient,
/// design speed, specific consumption, fouling rate), as sister ships do.
struct VesselPhysics: Sendable {
    let physics: SimulatorPhysics
    /// The ship's particulars.
    let hull: HullClass
    /// Fouling's added share of power per day since cleaning (variant physics).
    let foulingPerDay: Double
    /// Added share of power per m^1.5 of waves from ahead (variant physics).
    let waveShare: Double

    /// The particulars of a ship of `type`, varied by up to ±`spread` (0…0.3) from `random`.
    init(type: VesselType, physics: SimulatorPhysics, spread: Double, random: inout SeededRandom) {
        self.physics = physics
        var hull = HullClass.typical(type)
        if spread > 0 {
            hull.designDisplacement *= 1 + spread * random.uniform(-1...1)
            hull.admiraltyCoefficient *= 1 + 1.5 * spread * random.uniform(-1...1)
            hull.serviceSpeed *= 1 + 0.5 * spread * random.uniform(-1...1)
            hull.minimumSFOC *= 1 + 0.5 * spread * random.uniform(-1...1)
        }
        self.hull = hull
        foulingPerDay = physics == .variant ? random.uniform(0.0006...0.0014) : 0.0009
        waveShare = physics == .variant ? random.uniform(0.012...0.02) : 0.012
    }

    /// Shaft power, kW. `relativeWind` is the wind's direction minus the course, degrees.
    func shaftPower(speed: Double, draft: Double, daysSinceCleaning: Double, waveHeight: Double, windSpeed: Double,
                    relativeWind: Double) -> Double {
        guard physics == .variant else {
            return hull.shaftPower(speed: speed, draft: draft, daysSinceCleaning: daysSinceCleaning, waveHeight: waveHeight,
                                   windSpeed: windSpeed, relativeWind: relativeWind)
        }
        let angle = relativeWind * .pi / 180
        let displacement = hull.designDisplacement * pow(max(draft, 0.1) / hull.ladenDraft, 1.4)
        let root = cbrt(displacement)
        let calm = root * root * speed * speed * speed / hull.admiraltyCoefficient
        let fouling = 1 + foulingPerDay * daysSinceCleaning
        let waves = 1 + waveShare * pow(max(waveHeight, 0), 1.5) * (1 + cos(angle)) / 2
        // Apparent wind: the ship's own speed plus the true wind, as vectors; drag along the
        // ship's axis is the apparent wind's head component times its magnitude.
        let shipSpeed = speed * 0.5144
        let ahead = shipSpeed + windSpeed * cos(angle), abeam = windSpeed * sin(angle)
        let apparent = (ahead * ahead + abeam * abeam).squareRoot()
        let drag = 0.5 * 1.225 * 0.9 * hull.windageArea * apparent * ahead
        let wind = drag * shipSpeed / 0.7 / 1000
        return max(calm * fouling * waves + wind, 0.5 * calm)
    }

    /// Main-engine fuel, t/h, for `power` kW.
    func fuel(power: Double) -> Double {
        switch physics {
        case .baseline: power * hull.sfoc(load: power / hull.maxPower) / 1e6
        // A constant specific consumption, 4 % above the ship's best (no load curve).
        case .variant: power * hull.minimumSFOC * 1.04 / 1e6
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
