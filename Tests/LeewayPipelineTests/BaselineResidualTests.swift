import LeewayCore
import LeewaySimulator
import Testing

/// The physics baseline on simulated ships: what is left over is sensor noise, so drift
/// detection can standardize residuals by `PhysicsBaseline.relativeResidualDeviation`.
@Suite("Physics baseline on the simulated fleet")
struct BaselineResidualTests {
    @Test("relative fuel residuals at sea: mean within ±1 %, standard deviation below 3 %")
    func residualsAreNoise() {
        var configuration = FleetSimulator.Configuration()
        configuration.vessels = 36
        var fleet = FleetSimulator(configuration)
        let pass = VesselPass()
        var states: [String: VesselState] = [:]
        var relative: [Double] = []
        for offset in 0..<40_000 {
            guard let report = fleet.next().telemetry, (report[.speedThroughWater] ?? 0) > 3 else { continue }
            let id = report.vesselID
            let outcome = pass.run(report, offset: Int64(offset), ingestedAt: report.eventTime,
                                   state: &states[id, default: VesselState(vesselID: id, vesselType: report.vesselType)])
            guard let prediction = outcome.prediction, let residual = prediction.residual(.fuelRate),
                  let predicted = prediction.targets[.fuelRate], predicted > 0 else { continue }
            relative.append(residual / predicted)
        }
        let mean = relative.reduce(0, +) / Double(relative.count)
        let deviation = (relative.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(relative.count - 1)).squareRoot()
        #expect(relative.count > 10_000)
        #expect(abs(mean) < 0.01, "mean \(mean)")
        #expect(deviation < PhysicsBaseline.relativeResidualDeviation, "deviation \(deviation)")
    }
}
