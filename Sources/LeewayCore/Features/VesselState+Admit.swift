extension VesselState {
    /// Accounts for the report at input `offset`: refuses it as replayed, late or a duplicate,
    /// or applies it to every feature.
    public mutating func admit(_ report: Telemetry, offset: Int64, policy: FeaturePolicy) -> Admission {
        guard offset > lastOffset else { return .replayed }
        lastOffset = offset
        let time = report.eventTime
        if count > 0, time <= lastEventTime {
            if lastEventTime - time > policy.allowedLateness {
                lateCount += 1
                return .late
            }
            if recent.contains(time) {
                duplicateCount += 1
                return .duplicate
            }
        }
        apply(report, policy: policy)
        return .applied
    }

    private mutating func apply(_ report: Telemetry, policy: FeaturePolicy) {
        let time = report.eventTime
        let newest = count == 0 || time >= lastEventTime
        count += 1
        vesselType = report.vesselType
        if newest { lastEventTime = time }
        recent.insert(time, newest: lastEventTime, window: policy.allowedLateness)

        let stw = report[.speedThroughWater], power = report[.shaftPower], fuel = report[.fuelRate]
        if let stw {
            speedThroughWater.add(stw, alpha: policy.ewmaAlpha)
            decayedSpeed.add(stw, at: time, halfLife: policy.halfLife)
        }
        if let sog = report[.speedOverGround] { speedOverGround.add(sog, alpha: policy.ewmaAlpha) }
        if let power {
            shaftPower.add(power, alpha: policy.ewmaAlpha)
            decayedPower.add(power, at: time, halfLife: policy.halfLife)
        }
        if let fuel {
            fuelRate.add(fuel, alpha: policy.ewmaAlpha)
            decayedFuel.add(fuel, at: time, halfLife: policy.halfLife)
            lastHour.add(fuel: fuel, speed: stw ?? 0, at: time)
            lastDay.add(fuel: fuel, speed: stw ?? 0, at: time)
        }
        let hull = HullClass.typical(report.vesselType)
        if let draft = report[.draft], newest { self.draft = draft }
        if let stw, let power, let draft = report[.draft] ?? draft, stw >= policy.minimumSpeedForAdmiralty, power > 0 {
            let root = cbrt(hull.displacement(atDraft: draft))
            admiralty.add(root * root * stw * stw * stw / power, at: time, halfLife: policy.halfLife)
        }
        updateHullCleaning(report, newest: newest)
        if newest { updateRegime(report, hull: hull) }
    }

    private mutating func updateHullCleaning(_ report: Telemetry, newest: Bool) {
        let time = report.eventTime
        if report.event == .hullCleaning || report.event == .dryDock {
            if hullCleanedAt.map({ time > $0 }) ?? true { hullCleanedAt = time }
        }
        guard newest else { return }
        if let days = report[.daysSinceHullCleaning] {
            daysSinceHullCleaning = days
        } else if let cleaned = hullCleanedAt {
            daysSinceHullCleaning = Double(time.microseconds - cleaned.microseconds) / 86_400e6
        }
    }

    private mutating func updateRegime(_ report: Telemetry, hull: HullClass) {
        if let draft = report[.draft] { regime.loading = draft >= hull.ladenThreshold ? .laden : .ballast }
        if let stw = report[.speedThroughWater] ?? report[.speedOverGround] {
            regime.speedBand = OperatingRegime.SpeedBand(knots: stw)
        }
        if let wind = report[.windSpeed] { regime.beaufort = OperatingRegime.beaufort(windSpeed: wind) }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
