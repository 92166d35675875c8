extension ModelInput {
    /// What the input is, in one line (the catalogue's documentation).
    public var summary: String {
        switch self {
        case .speedThroughWater: "speed through water from the report"
        case .speedOverGround: "speed over ground from the report"
        case .current: "speed over ground minus speed through water: the current along the track"
        case .draft: "draught from the report, else the vessel's last reported draught"
        case .windSpeed: "true wind speed from the report"
        case .relativeWind: "wind direction minus course over ground (heading when no course), in -180…180: 0 is a head wind"
        case .headWind: "apparent head wind: ship speed (m/s) plus the wind's component from ahead, at least 0"
        case .waveHeight: "significant wave height from the report"
        case .seaTemperature: "sea surface temperature from the report"
        case .daysSinceHullCleaning: "days since hull cleaning from the report, else derived from the vessel's last cleaning event"
        case .ewmaSpeedThroughWater: "per-report EWMA (alpha 0.1) of speed through water"
        case .ewmaSpeedOverGround: "per-report EWMA (alpha 0.1) of speed over ground"
        case .ewmaShaftPower: "per-report EWMA (alpha 0.1) of shaft power, this report included"
        case .ewmaFuelRate: "per-report EWMA (alpha 0.1) of fuel rate, this report included"
        case .decayedSpeedThroughWater: "event-time decayed mean (half-life 6 h) of speed through water"
        case .decayedShaftPower: "event-time decayed mean (half-life 6 h) of shaft power, this report included"
        case .decayedFuelRate: "event-time decayed mean (half-life 6 h) of fuel rate, this report included"
        case .window1hFuelMean: "mean fuel rate over the last hour (4 x 15 min buckets)"
        case .window1hFuelStd: "standard deviation of fuel rate over the last hour"
        case .window1hSpeedMean: "mean speed through water over the last hour"
        case .window24hFuelMean: "mean fuel rate over the last 24 h (8 x 3 h buckets)"
        case .window24hFuelStd: "standard deviation of fuel rate over the last 24 h"
        case .window24hSpeedMean: "mean speed through water over the last 24 h"
        case .admiraltyCoefficient: "decayed mean of the Admiralty coefficient displacement^(2/3)·V^3/P seen at sea"
        case .laden: "1 when the newest draught is deeper than halfway between the type's ballast and laden draught, else 0"
        case .speedBand: "speed band of the newest report: 0 stopped, 1 manoeuvring, 2 slow, 3 economical, 4 service, 5 fast"
        case .beaufort: "Beaufort force of the newest report's wind"
        }
    }
}
