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

    /// The inputs of `report`; nil without a speed through water. A missing draught comes
    /// from the vessel's state, else `assumedDraft`; missing weather counts as calm, a missing
    /// course as wind on the beam.
    public init?(_ report: Telemetry, state: borrowing VesselState, assumedDraft: Double) {
        guard let speed = report[.speedThroughWater] else { return nil }
        let course = report[.courseOverGround] ?? report[.heading]
        self.init(speed: speed, draft: report[.draft] ?? state.draft ?? assumedDraft,
                  daysSinceCleaning: report[.daysSinceHullCleaning] ?? state.daysSinceHullCleaning ?? 0,
                  waveHeight: report[.waveHeight] ?? 0, windSpeed: report[.windSpeed] ?? 0,
                  relativeWind: course.flatMap { course in report[.windDirection].map { $0 - course } } ?? 90)
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
