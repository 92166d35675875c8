/// The optional numeric measurements of a telemetry record, with their JSON names and the
/// inclusive ranges telemetry v1 allows. Their order is the order they are validated in.
public enum TelemetryField: Int, Sendable, CaseIterable {
    case latitude, longitude, speedOverGround, speedThroughWater, heading, courseOverGround, draft
    case windSpeed, windDirection, waveHeight, seaTemperature, shaftPower, fuelRate, daysSinceHullCleaning

    /// The JSON member name.
    public var name: StaticString {
        switch self {
        case .latitude: "lat"
        case .longitude: "lon"
        case .speedOverGround: "sog_kn"
        case .speedThroughWater: "stw_kn"
        case .heading: "heading_deg"
        case .courseOverGround: "cog_deg"
        case .draft: "draft_m"
        case .windSpeed: "wind_speed_ms"
        case .windDirection: "wind_dir_deg"
        case .waveHeight: "wave_height_m"
        case .seaTemperature: "sea_temp_c"
        case .shaftPower: "shaft_power_kw"
        case .fuelRate: "fuel_rate_tph"
        case .daysSinceHullCleaning: "days_since_hull_cleaning"
        }
    }

    /// The inclusive range a value must lie in.
    public var range: ClosedRange<Double> {
        switch self {
        case .latitude: -90...90
        case .longitude: -180...180
        case .speedOverGround, .speedThroughWater: 0...40
        case .heading, .courseOverGround, .windDirection: 0...360
        case .draft: 0.5...30
        case .windSpeed: 0...75
        case .waveHeight: 0...30
        case .seaTemperature: -5...40
        case .shaftPower: 0...120_000
        case .fuelRate: 0...30
        case .daysSinceHullCleaning: 0...3650
        }
    }

    /// Every field in validation order, without the allocation `allCases` makes per call.
    public static let ordered: [TelemetryField] = allCases

    /// The JSON member name as text.
    public var jsonName: String { name.description }
}
