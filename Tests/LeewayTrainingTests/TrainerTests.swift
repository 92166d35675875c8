import LeewayCore
import LeewayModels
import Testing
@testable import LeewayTraining

@Suite struct TrainerTests {
    @Test func fitRecoversTheBaselinePhysics() throws {
        // The simulator's baseline physics (HullClass.shaftPower), in the fit's terms:
        // P = a·T^(2/3)·V³·(1 + 0.0009·days)·(1 + 0.012·H²·(0.2 + 0.8·(1 + cos θ)/2)) + k·(0.5144·V + w·cos θ)²·V
        // with a = (Δ_design / T_laden)^(2/3) / C and k = ½·ρ·C_d·A·0.5144 / η / 1000.
        let hull = HullClass.typical(.tanker)
        let a = cbrt(hull.designDisplacement / hull.ladenDraft) * cbrt(hull.designDisplacement / hull.ladenDraft) / hull.admiraltyCoefficient
        let k = 0.5 * 1.225 * 0.8 * hull.windageArea * 0.5144 / 0.7 / 1000
        let artifact = TrainingData.tanker.artifact
        #expect(abs((artifact.speedExponent ?? 3) - 3) <= 0.1, "speed exponent \(artifact.speedExponent ?? 3)")
        #expect(abs((artifact.draftExponent ?? 2.0 / 3.0) - 2.0 / 3.0) <= 0.15, "draft exponent \(artifact.draftExponent ?? 2.0 / 3.0)")
        let power = try #require(artifact.targets.first { $0.name == "shaft_power_kw" })
        func coefficient(_ term: PhysicsTerm) throws -> Double { power.coefficients[try #require(artifact.features.firstIndex(of: term.rawValue))] }
        let main = try coefficient(.hull)
        // The hull term carries a·T^(2/3−b)·V^(3−a) for the fitted exponents; compare at the laden draught and 12 kn.
        let model = try artifact.servingModel()
        let calm = PhysicsInputs(speed: 12, draft: hull.ladenDraft)
        let expected = a * cbrt(hull.ladenDraft) * cbrt(hull.ladenDraft) * 1728 + k * 6.17 * 6.17 * 12
        #expect(abs(model.predict(calm)[.shaftPower]! / expected - 1) < 0.03, "calm power \(model.predict(calm)[.shaftPower]!) against \(expected)")
        let fouling = try coefficient(.hullFouling) / main, headWind = try coefficient(.addedHeadWind)
        #expect(abs(fouling / 0.0009 - 1) < 0.2, "fouling share per day \(fouling)")
        #expect(abs(headWind / k - 1) < 0.25, "head wind \(headWind), simulator \(k)")
        // Sister ships alike: every calibration close to 1.
        for vessel in artifact.vessels ?? [] { #expect(abs(vessel.hullFactor - 1) < 0.03 && abs(vessel.fuelFactor - 1) < 0.03, "\(vessel)") }
    }

    @Test func theStandardModelPassesItsChecksAndFitsTheHoldout() throws {
        let artifact = TrainingData.tanker.artifact
        #expect(artifact.features == PhysicsTerm.shaftPower.map(\.rawValue))
        #expect(artifact.inputs == PhysicsInputs.layout.inputs.map(\.rawValue))
        #expect(artifact.featureCatalogue == FeatureCatalogue.version)
        #expect(artifact.fit?.targets.allSatisfy { target in target.candidates.contains { $0.penalty == target.penalty } } == true)
        #expect(artifact.training.records > 5_000)
        for metric in artifact.metrics { #expect(metric.rSquared > 0.95, "\(metric)") }
        for check in artifact.checks {
            print("\(check.name): \(check.detail)")
            #expect(check.passed, "\(check.name): \(check.detail)")
        }
        // Holdout residual deviation within a ship: the simulated sensor noise (fuel meter 1.5 %,
        // log 0.05 kn), so the 3 % floor that drift detection standardizes with.
        let fuel = try #require(artifact.targets.first { $0.name == "fuel_rate_tph" })
        #expect(fuel.relativeResidualStd == 0.03, "\(fuel.relativeResidualStd)")
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
        let power = try #require(broken.targets.firstIndex { $0.name == "shaft_power_kw" })
        let speedTerms = [PhysicsTerm.hull, .hullFouling, .hullWaves].compactMap { broken.features.firstIndex(of: $0.rawValue) }
        for index in speedTerms { broken.targets[power].coefficients[index] *= -1 }
        broken.contentHash = broken.computedContentHash
        let model = try broken.servingModel()
        broken.checks = PhysicsChecks(type: .tanker).run(model, metrics: broken.metrics)
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
