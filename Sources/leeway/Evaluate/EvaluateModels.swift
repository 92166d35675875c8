import ArgumentParser
import LeewayCore
import LeewayEvaluation
import LeewaySimulator

/// `leeway evaluate models`: trains every type on a simulated fleet's first days, serves the
/// models that pass their checks, runs the whole fleet through the processor's pass and
/// prints one table: checks, out-of-time error, false drift alerts, fault detection delays.
struct EvaluateModels: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "Per type: checks passed, error after the training window, false alerts per 100 vessel-days, and per injected fault its detection delay (no Kafka needed).")

    @Option(name: .long, help: "The simulator's physics: baseline (the baseline's own formula) or variant (physics the baseline does not assume).")
    var physics: SimulatorPhysics = .variant
    @Option(name: .long, help: "Days of history each type is trained on.") var trainDays = 2.0
    @Option(name: .long, help: "Simulated days in all.") var days = 35.0
    @Option(name: .long, help: "Vessels in the fleet.") var vessels = 100
    @Option(name: .long, help: "Vessel types, comma-separated.") var types = "tanker,container,cruise,dredger"
    @Option(name: .long, help: "Seconds between one vessel's reports.") var interval = 300.0
    @Option(name: .long, help: "How far each ship's particulars differ from its type's (0…0.3).") var hullSpread = 0.1
    @Option(name: .long, help: "Random seed.") var seed: UInt64 = 11
    @Flag(name: .long, help: "Serve the physics baselines only (no training).") var baselineOnly = false

    func validate() throws {
        let parsed = try vesselTypes()
        guard vessels >= 3 * parsed.count else {
            throw ValidationError("--vessels must be at least 3 per type (\(3 * parsed.count) for \(parsed.count) types): faults go into the second and third of each")
        }
        guard trainDays > 0, days >= trainDays + 3 else { throw ValidationError("--days must be at least --train-days + 3 (faults start a day after training)") }
        guard interval > 0, interval <= 600 else { throw ValidationError("--interval must be in (0, 600] s: the drift watch needs 10 reports an hour") }
        guard (0...0.3).contains(hullSpread) else { throw ValidationError("--hull-spread must be within 0…0.3, got \(hullSpread)") }
    }

    func run() async throws {
        var evaluation = ModelEvaluation()
        evaluation.physics = physics
        evaluation.trainDays = trainDays
        evaluation.days = days
        evaluation.vessels = vessels
        evaluation.types = try vesselTypes()
        evaluation.intervalSeconds = interval
        evaluation.hullSpread = hullSpread
        evaluation.seed = seed
        evaluation.serveTrained = !baselineOnly
        print(evaluation.run().table(evaluation))
    }

    private func vesselTypes() throws -> [VesselType] { try VesselType.list(types) }
}

extension VesselType {
    /// The types named in `text`, comma-separated.
    static func list(_ text: String) throws -> [VesselType] {
        let types = try text.split(separator: ",").map { name in
            guard let type = VesselType(rawValue: String(name)) else {
                throw ValidationError("unknown vessel type \(name) in --types (known: \(VesselType.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return type
        }
        guard !types.isEmpty else { throw ValidationError("--types names no vessel type") }
        return types
    }
}

extension SimulatorPhysics: ExpressibleByArgument {}
