extension VesselState {
    /// The schema version in every features record's `leeway.schema` header.
    public static let featuresSchemaVersion = "features.v1"

    /// Features record v1 JSON (`topics/schemas/features.v1.schema.json`).
    public var featuresJSON: [UInt8] {
        JSONWriter.encode(capacity: 1_400) { w in
            w.raw("{\"vessel_id\":\""); w.plain(vesselID)
            w.raw("\",\"vessel_type\":\""); w.plain(vesselType.rawValue)
            w.raw("\",\"feature_time\":"); w.time(lastEventTime)
            w.raw(",\"reports\":"); w.digits(count)
            w.raw(",\"late\":"); w.digits(lateCount)
            w.raw(",\"duplicates\":"); w.digits(duplicateCount)
            w.raw(",\"ewma\":{\"stw_kn\":"); w.number(speedThroughWater.value, decimals: 4)
            w.raw(",\"sog_kn\":"); w.number(speedOverGround.value, decimals: 4)
            w.raw(",\"shaft_power_kw\":"); w.number(shaftPower.value, decimals: 2)
            w.raw(",\"fuel_rate_tph\":"); w.number(fuelRate.value, decimals: 5)
            w.raw("},\"decayed\":{\"stw_kn\":"); w.number(decayedSpeed.value, decimals: 4)
            w.raw(",\"shaft_power_kw\":"); w.number(decayedPower.value, decimals: 2)
            w.raw(",\"fuel_rate_tph\":"); w.number(decayedFuel.value, decimals: 5)
            w.raw("},\"window_1h\":"); window(&w, lastHour.summary(at: lastEventTime))
            w.raw(",\"window_24h\":"); window(&w, lastDay.summary(at: lastEventTime))
            w.raw(",\"days_since_hull_cleaning\":"); w.number(daysSinceHullCleaning, decimals: 3)
            w.raw(",\"admiralty_coefficient\":"); w.number(admiralty.value, decimals: 2)
            w.raw(",\"draft_m\":"); w.number(draft, decimals: 2)
            w.raw(",\"regime\":{\"loading\":"); w.quoted(regime.loading?.rawValue)
            w.raw(",\"speed_band\":"); w.quoted(regime.speedBand?.rawValue)
            w.raw(",\"beaufort\":")
            if let beaufort = regime.beaufort { w.digits(Int64(beaufort)) } else { w.raw("null") }
            w.raw("}}")
        }
    }

    private func window(_ w: inout JSONWriter, _ summary: WindowSummary) {
        w.raw("{\"reports\":"); w.digits(Int64(summary.count))
        w.raw(",\"fuel_rate_mean\":"); w.number(summary.meanFuel, decimals: 5)
        w.raw(",\"fuel_rate_std\":"); w.number(summary.stdFuel, decimals: 5)
        w.raw(",\"stw_mean\":"); w.number(summary.meanSpeed, decimals: 4)
        w.raw("}")
    }
}
