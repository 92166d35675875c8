import LeewayCore
import LeewayModels
import Testing
@testable import LeewayTraining

@Suite struct TrainerTests {
    @Test func fitRecoversTheSimulatorsPowerPhysics() throws {
        // Shaft power in the simulator (HullClass.shaftPower), per term of the fit:
        // P = a·T^(2/3)·V³·(1 + 0.0009·days)·(1 + 0.012·H²·(0.6 + 0.4·cos θ)) + k·(0.5144·V + w·cos θ)²·V
        // with a = (Δ_design / T_laden)^(2/3) / C and k = ½·ρ·C_d·A·0.5144 / η / 1000.
        let hull = HullClass.typical(.tanker)
        let a = cbrt(hull.designDisplacement / hull.ladenDraft) * cbrt(hull.designDisplacement / hull.ladenDraft) / hull.admiraltyCoefficient
        let k = 0.5 * 1.225 * 0.8 * hull.windageArea * 0.5144 / 0.7 / 1000
        let expected: [PhysicsTerm: Double] = [.admiralty: a, .fouling: 0.0009 * a, .waves: 0.012 * 0.6 * a, .headWaves: 0.012 * 0.4 * a, .headWind: k]
        var trainer = Trainer(type: .tanker)
        trainer.terms = [.admiralty, .fouling, .waves, .headWaves, .headWind]
        let set = TrainingSet(TrainingData.reports(), type: .tanker, assumedDraft: hull.ladenDraft)
        let artifact = try trainer.train(set, source: "simulator", createdAt: "2026-11-29T00:00:00Z").artifact
        let power = try #require(artifact.targets.first { $0.name == "shaft_power_kw" })
        let tolerance: [PhysicsTerm: Double] = [.admiralty: 0.01, .fouling: 0.05, .waves: 0.15, .headWaves: 0.15, .headWind: 0.15]
        for (term, value) in expected {
            let fitted = power.coefficients[try #require(trainer.terms.firstIndex(of: term))]
            print("\(term.rawValue): fitted \(fitted), simulator \(value)")
            #expect(abs(fitted / value - 1) < tolerance[term]!, "\(term.rawValue): fitted \(fitted), simulator \(value)")
        }
    }

    @Test func theStandardModelPassesItsChecksAndFitsTheHoldout() throws {
        let artifact = TrainingData.tanker.artifact
        #expect(artifact.features == PhysicsTerm.standard.map(\.rawValue))
        #expect(artifact.training.records > 5_000)
        for metric in artifact.metrics { #expect(metric.rSquared > 0.95, "\(metric)") }
        for check in artifact.checks {
            print("\(check.name): \(check.detail)")
            #expect(check.passed, "\(check.name): \(check.detail)")
        }
        // Holdout residual deviation close to the simulated sensor noise (fuel meter 1.5 %, log 0.05 kn).
        let fuel = try #require(artifact.targets.first { $0.name == "fuel_rate_tph" })
        #expect(fuel.relativeResidualStd > 0.01 && fuel.relativeResidualStd < 0.03, "\(fuel.relativeResidualStd)")
        #expect(artifact.contentHash == artifact.computedContentHash)
        #expect(artifact.references["stw_kn"]?.edges.count == 9)
        // The fuel drift watch subtracts the model's median relative residual per regime.
        let model = try artifact.servingModel()
        let regime = OperatingRegime(loading: .laden, speedBand: .economical)
        let median = try #require(artifact.references[DataDriftMonitor.key(.fuelRate, regime: regime)]?.percentiles?[50])
        #expect(model.residualBias(.fuelRate, regime: regime) == median / 100)
        #expect(model.residualBias(.fuelRate, regime: OperatingRegime(loading: .ballast, speedBand: .fast)) == 0)
    }

    @Test func aModelWithTheWrongSignOnSpeedFailsItsChecksAndIsRejected() throws {
        var broken = TrainingData.tanker.artifact
        let speedTerms = [PhysicsTerm.admiralty, .fouling, .waves].compactMap { broken.features.firstIndex(of: $0.rawValue) }
        for index in speedTerms { broken.targets[0].coefficients[index] *= -1 }
        broken.contentHash = broken.computedContentHash
        let model = try broken.servingModel()
        broken.checks = PhysicsChecks(hull: HullClass.typical(.tanker)).run(model, metrics: broken.metrics)
        broken.contentHash = broken.computedContentHash
        let failed = Set(broken.checks.filter { !$0.passed }.map(\.name))
        #expect(failed.isSuperset(of: ["fuel_positive", "fuel_increases_with_speed", "speed_exponent", "fuel_increases_with_draft"]))

        var record = RegistryRecord(vesselType: .tanker)
        let version = try record.register(broken, at: "2026-11-29T10:00:00Z")
        #expect(record.artifact(version)?.status == .rejected)
        #expect(record.decisions.last?.reason?.contains("fuel_increases_with_speed") == true)
        #expect(throws: RegistryError.self) { try record.approve(version, by: "ana", at: "2026-11-29T10:01:00Z", notes: nil) }
        #expect(record.serving == nil)
    }
}

#if canImport(Glibc)
import Glibc
#endif
