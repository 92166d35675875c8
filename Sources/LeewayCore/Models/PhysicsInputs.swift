/// The quantities a physics model reads from one report, with the vessel's last known
/// draught and fouling filling in what the report lacks.
public struct PhysicsInputs: Sendable, Equatable {
    /// Speed through water, knots.
    public var speed: Double
    /// Draught, metres.
    public var draft: Double
    /// Days since the hull was last cleaned.
    public var daysSinceCleaning: Double
    /// Significant wave height, metres.
    public var waveHeight: Double
    /// True wind speed, m/s.
    public var windSpeed: Double
    /// Wind direction (where it comes from) minus the course, degrees: 0 is a head wind.
    public var relativeWind: Double

    /// Inputs given directly.
    public init(speed: Double, draft: Double, daysSinceCleaning: Double = 0, waveHeight: Double = 0,
                windSpeed: Double = 0, relativeWind: Double = 90) {
        self.speed = speed
        self.draft = draft
        self.daysSinceCleaning = daysSinceCleaning
        self.waveHeight = waveHeight
        self.windSpeed = windSpeed
        self.relativeWind = relativeWind
    }

    /// The catalogue inputs a physics model reads, in the order of its members.
    public static let layout = InputLayout([.speedThroughWater, .draft, .daysSinceHullCleaning, .waveHeight, .windSpeed, .relativeWind])

    /// The inputs of `report` (``layout``'s vector, from the report and the vessel's state);
    /// nil without a speed through water.
    public init?(_ report: Telemetry, state: borrowing VesselState, assumedDraft: Double) {
        guard let speed = ModelInput.speedThroughWater.value(report, state: state) else { return nil }
        self.init(speed: speed, draft: ModelInput.draft.value(report, state: state) ?? assumedDraft,
                  daysSinceCleaning: ModelInput.daysSinceHullCleaning.value(report, state: state) ?? 0,
                  waveHeight: ModelInput.waveHeight.value(report, state: state) ?? 0,
                  windSpeed: ModelInput.windSpeed.value(report, state: state) ?? 0,
                  relativeWind: ModelInput.relativeWind.value(report, state: state) ?? 90)
    }

    /// The apparent wind's component from ahead, m/s: the ship's own speed plus the true
    /// wind's component from ahead (negative when a following wind outruns the ship).
    public var aheadWind: Double { speed * 0.5144 + windSpeed * cos(relativeWind * .pi / 180) }

    /// The apparent wind's speed, m/s: the ship's own speed and the true wind as vectors.
    public var apparentWind: Double {
        let ahead = aheadWind, abeam = windSpeed * sin(relativeWind * .pi / 180)
        return (ahead * ahead + abeam * abeam).squareRoot()
    }

    /// Apparent head-wind speed, m/s: the ship's own speed plus the wind's component from ahead.
    public var headWind: Double {
        max(0, speed * 0.5144 + windSpeed * cos(relativeWind * .pi / 180))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
