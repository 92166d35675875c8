extension ModelInput {
    /// The input's value for `report`, given the vessel's state after applying it; nil when
    /// neither has it (a model substitutes its own default, e.g. the assumed draught).
    public func value(_ report: Telemetry, state: borrowing VesselState) -> Double? {
        switch self {
        case .speedThroughWater: return report[.speedThroughWater]
        case .speedOverGround: return report[.speedOverGround]
        case .current:
            guard let sog = report[.speedOverGround], let stw = report[.speedThroughWater] else { return nil }
            return sog - stw
        case .draft: return report[.draft] ?? state.draft
        case .windSpeed: return report[.windSpeed]
        case .relativeWind: return Self.relativeWind(report)
        case .headWind:
            guard let stw = report[.speedThroughWater] else { return nil }
            let wind = report[.windSpeed] ?? 0
            let angle = Self.relativeWind(report) ?? 90
            return max(0, stw * 0.5144 + wind * cos(angle * .pi / 180))
        case .waveHeight: return report[.waveHeight]
        case .seaTemperature: return report[.seaTemperature]
        case .daysSinceHullCleaning: return report[.daysSinceHullCleaning] ?? state.daysSinceHullCleaning
        case .ewmaSpeedThroughWater: return state.speedThroughWater.value
        case .ewmaSpeedOverGround: return state.speedOverGround.value
        case .ewmaShaftPower: return state.shaftPower.value
        case .ewmaFuelRate: return state.fuelRate.value
        case .decayedSpeedThroughWater: return state.decayedSpeed.value
        case .decayedShaftPower: return state.decayedPower.value
        case .decayedFuelRate: return state.decayedFuel.value
        case .window1hFuelMean: return state.lastHour.summary(at: state.lastEventTime).meanFuel
        case .window1hFuelStd: return state.lastHour.summary(at: state.lastEventTime).stdFuel
        case .window1hSpeedMean: return state.lastHour.summary(at: state.lastEventTime).meanSpeed
        case .window24hFuelMean: return state.lastDay.summary(at: state.lastEventTime).meanFuel
        case .window24hFuelStd: return state.lastDay.summary(at: state.lastEventTime).stdFuel
        case .window24hSpeedMean: return state.lastDay.summary(at: state.lastEventTime).meanSpeed
        case .admiraltyCoefficient: return state.admiralty.value
        case .laden: return state.regime.loading.map { $0 == .laden ? 1 : 0 }
        case .speedBand: return state.regime.speedBand.map { Double(OperatingRegime.SpeedBand.allCases.firstIndex(of: $0) ?? 0) }
        case .beaufort: return state.regime.beaufort.map(Double.init)
        }
    }

    /// Wind direction minus course (heading when no course), folded into -180…180; nil
    /// without a wind direction or either bearing.
    static func relativeWind(_ report: Telemetry) -> Double? {
        guard let course = report[.courseOverGround] ?? report[.heading], let wind = report[.windDirection] else { return nil }
        var angle = (wind - course).truncatingRemainder(dividingBy: 360)
        if angle > 180 { angle -= 360 }
        if angle < -180 { angle += 360 }
        return angle
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
