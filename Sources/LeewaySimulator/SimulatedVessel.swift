import LeewayCore

/// One simulated ship: voyages (passages laden or in ballast, port stays, speed changes),
/// weather, hull fouling and cleaning, and the physics from those to shaft power and fuel.
struct SimulatedVessel: Sendable {
    enum Phase: Sendable {
        case port(until: Int64)
        case passage(until: Int64, laden: Bool, speed: Double)
    }

    let id: String
    let type: VesselType
    let hull: HullParticulars
    let physics: VesselPhysics
    var random: SeededRandom
    var latitude: Double
    var longitude: Double
    var course: Double
    var phase: Phase
    var laden: Bool
    var daysSinceCleaning: Double
    var cleaningDueAt: Double
    var windSpeed: Double
    var windDirection: Double
    var current: Double
    var stuckValues: [TelemetryField: Double] = [:]

    init(index: Int, type: VesselType, seed: UInt64, start: EventTime, physics: SimulatorPhysics = .baseline, hullSpread: Double = 0) {
        id = "IMO\(9_100_000 + index)"
        self.type = type
        // The ship's own particulars come from a stream of their own, so that a fleet without
        // spread and with the baseline physics reports exactly what it always has.
        var particulars = SeededRandom(seed: seed ^ (UInt64(index) &* 0xC2B2_AE3D_27D4_EB4F) ^ 0x5851_F42D)
        let ship = VesselPhysics(type: type, physics: physics, spread: hullSpread, random: &particulars)
        self.physics = ship
        var hull = HullParticulars.typical(type)
        hull.hull = ship.hull
        self.hull = hull
        random = SeededRandom(seed: seed ^ (UInt64(index) &* 0x9E37_79B9_7F4A_7C15))
        latitude = random.uniform(-50...55)
        longitude = random.uniform(-170...170)
        course = random.uniform(0...359)
        laden = random.unit() < 0.5
        daysSinceCleaning = random.uniform(0...300)
        cleaningDueAt = random.uniform(320...540)
        windSpeed = random.uniform(2...12)
        windDirection = random.uniform(0...359)
        current = random.uniform(-0.5...0.5)
        phase = .port(until: start.microseconds + Int64(random.uniform(0...hull.portHours.upperBound) * 3.6e9))
    }

    /// The vessel's report at `time`, `seconds` after its previous one.
    mutating func report(at time: EventTime, after seconds: Double, drifts: [SensorDrift]) -> Telemetry {
        let now = time.microseconds
        var event: MaintenanceEvent?
        daysSinceCleaning += seconds / 86_400
        advanceWeather(seconds)
        switch phase {
        case .port(let until):
            if daysSinceCleaning >= cleaningDueAt {
                event = .hullCleaning
                daysSinceCleaning = 0
                cleaningDueAt = random.uniform(320...540)
            }
            if now >= until {
                laden.toggle()
                phase = .passage(until: now + Int64(random.uniform(hull.passageHours) * 3.6e9), laden: laden,
                                 speed: hull.serviceSpeed * random.uniform(0.7...1.02))
            }
        case .passage(let until, let laden, _):
            if now >= until {
                phase = .port(until: now + Int64(random.uniform(hull.portHours) * 3.6e9))
            } else if random.unit() < 0.004 {
                phase = .passage(until: until, laden: laden, speed: hull.serviceSpeed * random.uniform(0.7...1.02))
            }
        }
        var t = Telemetry(vesselID: id, vesselType: type, eventTime: time, event: event)
        let draft = (laden ? hull.ladenDraft : hull.ballastDraft) + random.gaussian() * 0.05
        let waveHeight = min(0.05 * pow(windSpeed, 1.3) + abs(random.gaussian()) * 0.2, 14)
        var stw = 0.0, power = 0.0, fuel = 0.0
        if case .passage(_, _, let speed) = phase {
            (stw, power) = propulsion(speed: speed, draft: draft, waveHeight: waveHeight)
            fuel = physics.fuel(power: power)
            course = (course + random.gaussian() * 2).truncatingRemainder(dividingBy: 360)
            if course < 0 { course += 360 }
        }
        let sog = max(0, stw + current)
        move(sog: sog, seconds: seconds)
        var stwReading = stw == 0 ? 0 : max(0, stw + random.gaussian() * 0.05)
        var fuelReading = fuel * (1 + random.gaussian() * 0.015)
        for drift in drifts where drift.vesselID == id && drift.isActive(at: time) {
            switch drift.kind {
            case .fuel(let percent): fuelReading *= 1 + percent / 100
            case .speedLog(let knots): stwReading = stw == 0 ? 0 : stwReading + knots
            case .stuck: break
            }
        }
        t[.latitude] = rounded(latitude, 5)
        t[.longitude] = rounded(longitude, 5)
        t[.speedOverGround] = clamp(rounded(sog, 2), .speedOverGround)
        t[.speedThroughWater] = clamp(rounded(stwReading, 2), .speedThroughWater)
        t[.heading] = clamp(rounded((course + random.gaussian() * 1.5 + 360).truncatingRemainder(dividingBy: 360), 1), .heading)
        t[.courseOverGround] = clamp(rounded(course, 1), .courseOverGround)
        t[.draft] = clamp(rounded(draft, 2), .draft)
        t[.windSpeed] = clamp(rounded(windSpeed, 1), .windSpeed)
        t[.windDirection] = clamp(rounded(windDirection, 0), .windDirection)
        t[.waveHeight] = clamp(rounded(waveHeight, 1), .waveHeight)
        t[.seaTemperature] = clamp(rounded(28 - abs(latitude) * 0.35 + random.gaussian() * 0.3, 1), .seaTemperature)
        t[.shaftPower] = clamp(rounded(power * (1 + random.gaussian() * 0.01), 0), .shaftPower)
        t[.fuelRate] = clamp(rounded(fuelReading, 4), .fuelRate)
        t[.daysSinceHullCleaning] = rounded(daysSinceCleaning, 2)
        for drift in drifts where drift.vesselID == id && drift.isActive(at: time) {
            if case .stuck(let field) = drift.kind {
                if let frozen = stuckValues[field] { t[field] = frozen } else { stuckValues[field] = t[field] }
            }
        }
        return t
    }

    /// Speed through water and shaft power for a target speed: Admiralty law in calm water,
    /// scaled up by fouling and waves, plus wind resistance from the head-wind component;
    /// the engine's power limit caps the speed.
    func propulsion(speed: Double, draft: Double, waveHeight: Double) -> (speed: Double, power: Double) {
        let power = physics.shaftPower(speed: speed, draft: draft, daysSinceCleaning: daysSinceCleaning,
                                         waveHeight: waveHeight, windSpeed: windSpeed, relativeWind: windDirection - course)
        guard power > hull.maxPower else { return (speed, power) }
        let perKnotCubed = power / (speed * speed * speed)
        return (cbrt(hull.maxPower / perKnotCubed), hull.maxPower)
    }

    private mutating func advanceWeather(_ seconds: Double) {
        let step = (seconds / 600).squareRoot()
        windSpeed = min(max(windSpeed + 0.02 * (8 - windSpeed) * seconds / 600 + random.gaussian() * 0.6 * step, 0), 40)
        windDirection = (windDirection + random.gaussian() * 6 * step + 360).truncatingRemainder(dividingBy: 360)
        current = min(max(current + random.gaussian() * 0.05 * step, -1.2), 1.2)
    }

    private mutating func move(sog: Double, seconds: Double) {
        let miles = sog * seconds / 3600
        let radians = course * .pi / 180
        latitude += cos(radians) * miles / 60
        if abs(latitude) > 70 {
            latitude = latitude > 0 ? 140 - latitude : -140 - latitude
            course = (540 - course).truncatingRemainder(dividingBy: 360)
        }
        longitude += sin(radians) * miles / (60 * max(cos(latitude * .pi / 180), 0.2))
        if longitude > 180 { longitude -= 360 }
        if longitude < -180 { longitude += 360 }
    }

    private func rounded(_ value: Double, _ decimals: Int) -> Double {
        let scale: Double = switch decimals {
        case 0: 1
        case 1: 10
        case 2: 100
        case 3: 1000
        case 4: 10_000
        default: 100_000
        }
        return (value * scale).rounded() / scale
    }

    private func clamp(_ value: Double, _ field: TelemetryField) -> Double {
        min(max(value, field.range.lowerBound), field.range.upperBound)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
