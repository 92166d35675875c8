import LeewayCore
import LeewaySimulator

/// Nanoseconds per valid telemetry record decoded and validated, over 10,000 distinct
/// records from the fleet simulator (every measurement present), best of five passes.
func decodeBenchmark() -> (nanoseconds: Double, bytes: Int) {
    var configuration = FleetSimulator.Configuration()
    configuration.vessels = 500
    var fleet = FleetSimulator(configuration)
    let records = (0..<10_000).map { _ in fleet.next().value }
    let bytes = records.reduce(0) { $0 + $1.count } / records.count
    var best = Double.infinity
    var decoded = 0
    for _ in 0..<5 {
        let start = ContinuousClock.now
        for _ in 0..<20 {
            for record in records where (try? TelemetryDecoder.decode(record)) != nil { decoded += 1 }
        }
        best = min(best, (ContinuousClock.now - start).seconds * 1e9 / Double(records.count * 20))
    }
    precondition(decoded == 5 * 20 * records.count, "every benchmark record must decode")
    return (best, bytes)
}
