import LeewayCore
import LeewayEvaluation
import LeewaySimulator
import Testing

/// The evaluation end to end on a small fleet, with each physics: every type's model passes
/// its checks from two days, every injected fault is found, no false fuel drift alarm, and
/// broken fuel meters give rejected models with the failing checks named.
@Suite struct ModelEvaluationTests {
    static func evaluation(_ physics: SimulatorPhysics) -> ModelEvaluation {
        var evaluation = ModelEvaluation()
        evaluation.physics = physics
        evaluation.vessels = 16
        evaluation.days = 9
        evaluation.seed = 29
        return evaluation
    }

    @Test(arguments: SimulatorPhysics.allCases)
    func modelsPassFaultsAreFoundAndNothingElseFires(physics: SimulatorPhysics) {
        let evaluation = Self.evaluation(physics)
        let result = evaluation.run()
        print(result.table(evaluation))
        for row in result.types {
            #expect(row.failedChecks.isEmpty && row.checksRun > 0, "\(physics) \(row.type): \(row.failedChecks)")
            #expect(row.model.hasSuffix("linear-physics v1"), "\(row.type) served \(row.model)")
            #expect(row.falseFuelDrift == 0, "\(physics) \(row.type): \(row.falseFuelDrift) false FuelResidualDrift episodes")
            #expect((row.mae[.fuelRate] ?? .infinity) < (row.rmse[.fuelRate] ?? 0) + 1e-12)
        }
        #expect(result.faults.count == 8)
        for fault in result.faults { #expect(fault.delay != nil, "\(physics): \(fault.name) on \(fault.drift.vesselID) missed") }
        for broken in result.brokenMeters {
            #expect(broken.rejected, "\(physics): \(broken.meter.rawValue) gave an approvable model")
        }
        let kilograms = result.brokenMeters.first { $0.meter == .kilogramsPerHour }
        #expect(kilograms?.failedChecks.contains("sfoc_plausible") == true)
    }

    @Test func theBaselineAloneIsWorseOnTheVariantPhysics() {
        var evaluation = Self.evaluation(.variant)
        evaluation.serveTrained = false
        let baseline = evaluation.run()
        let trained = Self.evaluation(.variant).run()
        let error = { (result: ModelEvaluation.Result) in result.types.reduce(0) { $0 + ($1.mae[.fuelRate] ?? 0) } }
        #expect(error(trained) < error(baseline) / 2, "trained \(error(trained)), baseline \(error(baseline))")
        #expect(baseline.types.allSatisfy { $0.model.hasSuffix("physics-baseline") })
    }
}
