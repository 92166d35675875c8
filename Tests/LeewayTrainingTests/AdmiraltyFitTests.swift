import LeewayCore
import LeewayModels
import LeewaySimulator
import Testing
@testable import LeewayTraining

/// The fit's constraints hold whatever the physics, and two days of one speed band of one
/// type are enough for a model that passes its checks.
@Suite struct AdmiraltyFitTests {
    static let types: [VesselType] = [.tanker, .container, .cruise, .dredger]

    /// Two days of 20 ships of `types`, a report every 5 minutes, with `physics`.
    static func history(_ physics: SimulatorPhysics) -> [Telemetry] {
        var configuration = FleetSimulator.Configuration()
        configuration.vessels = 20
        configuration.seed = 17
        configuration.intervalSeconds = 300
        configuration.physics = physics
        configuration.hullSpread = 0.1
        configuration.types = types
        var simulator = FleetSimulator(configuration)
        return (0..<20 * 576).compactMap { _ in simulator.next().telemetry }
    }

    @Test(arguments: SimulatorPhysics.allCases)
    func coefficientsAreSignedAndExponentsBounded(physics: SimulatorPhysics) throws {
        let history = Self.history(physics)
        for type in Self.types {
            let set = TrainingSet(history, type: type, assumedDraft: HullClass.typical(type).ladenDraft)
            let artifact = try Trainer(type: type).train(set, source: "test", createdAt: "2026-12-01T00:00:00Z").artifact
            let power = try #require(artifact.targets.first { $0.name == "shaft_power_kw" })
            let fuel = try #require(artifact.targets.first { $0.name == "fuel_rate_tph" })
            #expect(power.intercept == 0, "\(type): no shaft power at rest")
            #expect(fuel.intercept >= 0, "\(type): a hotel load is never negative")
            #expect((power.coefficients + fuel.coefficients).allSatisfy { $0 >= 0 }, "\(type): \(power.coefficients) \(fuel.coefficients)")
            #expect((2.0...4.5).contains(artifact.speedExponent ?? 3) && (0.2...1.5).contains(artifact.draftExponent ?? 2.0 / 3.0))
            #expect(fuel.features == PhysicsTerm.fuel.map(\.rawValue))
            #expect(artifact.vessels?.count == set.vessels)
            #expect(artifact.fit?.targets.map(\.target).sorted() == ["fuel_rate_tph", "shaft_power_kw"])
            let failed = artifact.checks.filter { !$0.passed }.map { "\($0.name): \($0.detail)" }
            #expect(failed.isEmpty, "\(physics) \(type): \(failed)")
        }
    }

    @Test(arguments: SimulatorPhysics.allCases)
    func twoDaysOfOneSpeedBandPassTheChecks(physics: SimulatorPhysics) throws {
        let history = Self.history(physics)
        for type in Self.types {
            // The band the type sails most in; every other report under way is dropped.
            let bands = history.filter { $0.vesselType == type && ($0[.speedThroughWater] ?? 0) >= 3 }
                .map { OperatingRegime.SpeedBand(knots: $0[.speedThroughWater]!) }
            let band = try #require(Dictionary(grouping: bands, by: { $0 }).max { $0.value.count < $1.value.count }?.key)
            let narrow = history.filter { ($0[.speedThroughWater] ?? 0) < 3 || OperatingRegime.SpeedBand(knots: $0[.speedThroughWater]!) == band }
            let set = TrainingSet(narrow, type: type, assumedDraft: HullClass.typical(type).ladenDraft)
            let artifact = try Trainer(type: type).train(set, source: "test", createdAt: "2026-12-01T00:00:00Z").artifact
            let failed = artifact.checks.filter { !$0.passed }.map { "\($0.name): \($0.detail)" }
            #expect(failed.isEmpty, "\(physics) \(type), only the \(band.rawValue) band (\(set.fitting.count) reports): \(failed)")
        }
    }

    @Test func aShipsCalibrationScalesItsOwnPredictionsOnly() throws {
        let set = TrainingSet(Self.history(.variant), type: .cruise, assumedDraft: HullClass.typical(.cruise).ladenDraft)
        let artifact = try Trainer(type: .cruise).train(set, source: "test", createdAt: "2026-12-01T00:00:00Z").artifact
        let model = try artifact.servingModel()
        let vessel = try #require(artifact.vessels?.max { abs($0.hullFactor - 1) < abs($1.hullFactor - 1) })
        #expect(abs(vessel.hullFactor - 1) > 0.02, "the spread of ±15 % in Admiralty coefficient shows: \(vessel)")
        let inputs = PhysicsInputs(speed: 15, draft: 8.2, windSpeed: 8, relativeWind: 30)
        let typical = model.predict(inputs), own = model.predict(inputs, calibration: model.calibration(for: vessel.vesselId))
        #expect(model.calibration(for: "IMO0000000") == .typical)
        #expect(own[.shaftPower]! != typical[.shaftPower]!)
        #expect((own[.shaftPower]! > typical[.shaftPower]!) == (vessel.hullFactor > 1))
    }
}
