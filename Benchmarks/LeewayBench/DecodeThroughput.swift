import LeewayCore

/// Nanoseconds per valid telemetry record decoded and validated, over 10,000 distinct
/// realistic records (about 380 bytes each), best of five passes.
func decodeBenchmark() -> (nanoseconds: Double, bytes: Int) {
    var generator = SplitMix64(seed: 42)
    let records: [[UInt8]] = (0..<10_000).map { i in
        // Sensor precision: four decimals, as real telemetry carries.
        let r = { (scale: Double) in (Double(generator.next() % 10_000) / 10_000 * scale * 10_000).rounded() / 10_000 }
        let text = """
        {"vessel_id":"IMO\(9_000_000 + i % 500)","vessel_type":"tanker","ts":"2026-11-29T08:\(10 + i % 50):\(10 + i % 49).\(i % 1000)Z",\
        "lat":\(50 + r(5)),"lon":\(3 + r(4)),"sog_kn":\(r(20)),"stw_kn":\(r(20)),"heading_deg":\(r(359)),"cog_deg":\(r(359)),\
        "draft_m":\(8 + r(10)),"wind_speed_ms":\(r(20)),"wind_dir_deg":\(r(359)),"wave_height_m":\(r(4)),"sea_temp_c":\(r(20)),\
        "shaft_power_kw":\(r(20_000)),"fuel_rate_tph":\(r(3)),"days_since_hull_cleaning":\(Int(r(400)))}
        """
        return Array(text.utf8)
    }
    let bytes = records.reduce(0) { $0 + $1.count } / records.count
    var best = Double.infinity
    var checksum = 0.0
    for _ in 0..<5 {
        let start = ContinuousClock.now
        for _ in 0..<20 {
            for record in records {
                if let t = try? TelemetryDecoder.decode(record) { checksum += t[.fuelRate] ?? 0 }
            }
        }
        let elapsed = ContinuousClock.now - start
        best = min(best, (Double(elapsed.components.attoseconds) / 1e9 + Double(elapsed.components.seconds) * 1e9) / Double(records.count * 20))
    }
    precondition(checksum > 0, "every benchmark record must decode")
    return (best, bytes)
}

/// A small deterministic generator so every run decodes the same records.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
