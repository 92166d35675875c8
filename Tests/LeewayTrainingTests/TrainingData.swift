import LeewayCore
import LeewaySimulator
import LeewayTraining

/// Simulated fleet history for training tests: every vessel reports every 10 minutes.
enum TrainingData {
    static func reports(vessels: Int = 24, days: Double = 30, seed: UInt64 = 7) -> [Telemetry] {
        var configuration = FleetSimulator.Configuration()
        configuration.vessels = vessels
        configuration.seed = seed
        configuration.intervalSeconds = 600
        var fleet = FleetSimulator(configuration)
        let count = Int(Double(vessels) * days * 144)
        return (0..<count).compactMap { _ in fleet.next().telemetry }
    }

    /// A tanker model trained on a month of simulated history (computed once).
    static let tanker: Trainer.Result = {
        let set = TrainingSet(reports(), type: .tanker, assumedDraft: HullClass.typical(.tanker).ladenDraft)
        return try! Trainer(type: .tanker).train(set, source: "simulator", createdAt: "2026-11-29T00:00:00Z")
    }()
}
