/// One named model input of the feature catalogue (``FeatureCatalogue``): a field of the
/// report, or a feature the processor keeps for the vessel. A model declares by name the
/// inputs it reads; the processor and training both compute them with ``value(_:state:)``
/// from the report and the vessel's state after applying it, so a model sees in service
/// exactly what it saw in training.
public enum ModelInput: String, Sendable, CaseIterable {
    // The report (with the vessel's last known value where the report lacks one).
    case speedThroughWater = "stw_kn"
    case speedOverGround = "sog_kn"
    case current = "current_kn"
    case draft = "draft_m"
    case windSpeed = "wind_speed_ms"
    case relativeWind = "relative_wind_deg"
    case headWind = "head_wind_ms"
    case waveHeight = "wave_height_m"
    case seaTemperature = "sea_temp_c"
    case daysSinceHullCleaning = "days_since_hull_cleaning"
    // The vessel's features.
    case ewmaSpeedThroughWater = "ewma_stw_kn"
    case ewmaSpeedOverGround = "ewma_sog_kn"
    case ewmaShaftPower = "ewma_shaft_power_kw"
    case ewmaFuelRate = "ewma_fuel_rate_tph"
    case decayedSpeedThroughWater = "decayed_stw_kn"
    case decayedShaftPower = "decayed_shaft_power_kw"
    case decayedFuelRate = "decayed_fuel_rate_tph"
    case window1hFuelMean = "window_1h_fuel_rate_mean"
    case window1hFuelStd = "window_1h_fuel_rate_std"
    case window1hSpeedMean = "window_1h_stw_mean"
    case window24hFuelMean = "window_24h_fuel_rate_mean"
    case window24hFuelStd = "window_24h_fuel_rate_std"
    case window24hSpeedMean = "window_24h_stw_mean"
    case admiraltyCoefficient = "admiralty_coefficient"
    case laden = "laden"
    case speedBand = "speed_band"
    case beaufort = "beaufort"

    /// Where the value comes from.
    public enum Source: String, Sendable {
        /// The report itself.
        case report
        /// The vessel's state after the report was applied.
        case vessel
    }

    /// Every input, in catalogue order (the order of ``FeatureCatalogue/entries``).
    public static let ordered: [ModelInput] = allCases
}

extension ModelInput {
    /// Where the value comes from.
    public var source: Source {
        switch self {
        case .speedThroughWater, .speedOverGround, .current, .draft, .windSpeed, .relativeWind, .headWind, .waveHeight,
             .seaTemperature, .daysSinceHullCleaning: .report
        default: .vessel
        }
    }

    /// The unit, or `1` for counts and codes.
    public var unit: String {
        switch self {
        case .speedThroughWater, .speedOverGround, .current, .ewmaSpeedThroughWater, .ewmaSpeedOverGround,
             .decayedSpeedThroughWater, .window1hSpeedMean, .window24hSpeedMean: "kn"
        case .draft, .waveHeight: "m"
        case .windSpeed, .headWind: "m/s"
        case .relativeWind: "deg"
        case .seaTemperature: "degC"
        case .daysSinceHullCleaning: "d"
        case .ewmaShaftPower, .decayedShaftPower: "kW"
        case .ewmaFuelRate, .decayedFuelRate, .window1hFuelMean, .window1hFuelStd, .window24hFuelMean, .window24hFuelStd: "t/h"
        case .admiraltyCoefficient: "t^(2/3)·kn^3/kW"
        case .laden, .speedBand, .beaufort: "1"
        }
    }

    /// Whether the value includes this report's measured fuel or power: a model predicting
    /// those targets must not read it.
    public var readsMeasuredTargets: Bool {
        switch self {
        case .ewmaShaftPower, .ewmaFuelRate, .decayedShaftPower, .decayedFuelRate, .window1hFuelMean, .window1hFuelStd,
             .window24hFuelMean, .window24hFuelStd, .admiraltyCoefficient: true
        default: false
        }
    }
}
