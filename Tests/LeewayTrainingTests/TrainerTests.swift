import LeewayCore
import LeewayModels
import Testing
@testable import LeewayTraining

@Suite struct TrainerTests {
    @Test func fitRecoversTheSimulatorsPhysics() throws {
        let result = TrainingData.tanker
        let artifact = result.artifact
        let hull = HullClass.typical(.tanker)
        // P = (Δ_design / T_laden)^(2/3) / C · T^(2/3) · V³ · (1 + 0.0009·days) + waves + wind.
        let admiralty = cbrt(hull.designDisplacement / hull.ladenDraft) * cbrt(hull.designDisplacement / hull.ladenDraft) / hull.admiraltyCoefficient
        let power = try #require(artifact.targets.first { $0.name == "shaft_power_kw" })
        let terms = artifact.features
        let fittedAdmiralty = power.coefficients[try #require(terms.firstIndex(of: PhysicsTerm.admiralty.rawValue))]
        let fittedFouling = power.coefficients[try #require(terms.firstIndex(of: PhysicsTerm.fouling.rawValue))]
        print("admiralty \(fittedAdmiralty) vs \(admiralty); fouling \(fittedFouling) vs \(0.0009 * admiralty); rows \(artifact.training.records)")
        #expect(abs(fittedAdmiralty / admiralty - 1) < 0.03)
        #expect(abs(fittedFouling / (0.0009 * admiralty) - 1) < 0.2)
        #expect(artifact.training.records > 5_000)
        for metric in artifact.metrics { #expect(metric.rSquared > 0.95, "\(metric)") }
        for check in artifact.checks {
            print("\(check.name): \(check.detail)")
            #expect(check.passed, "\(check.name): \(check.detail)")
        }
        #expect(artifact.contentHash == artifact.computedContentHash)
        #expect(artifact.references["stw_kn"]?.edges.count == 9)
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
