import ArgumentParser
import LeewayCore
import LeewayEvaluation
import LeewayModels
import LeewaySimulator
import LeewayTraining

/// `leeway evaluate drift`: how well drift detection does against known faults.
struct EvaluateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate", abstract: "Measure Leeway against simulated ground truth.",
        subcommands: [EvaluateModels.self, EvaluateDrift.self])
}

/// Simulates a fleet with injected faults, runs the processor's per-report pass and prints
/// each fault's detection delay and the fleet's false alarms per 100 vessel-days.
struct EvaluateDrift: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drift",
        abstract: "Detection delay per injected fault and false alarms per 100 vessel-days (no Kafka needed).")

    @Option(name: .long, help: "Vessels in the fleet.") var vessels = 60
    @Option(name: .long, help: "Simulated days.") var days = 14.0
    @Option(name: .long, help: "Seconds between one vessel's reports.") var interval = 120.0
    @Option(name: .long, help: "Random seed.") var seed: UInt64 = 7
    @Flag(name: .long, help: "Serve models trained on the fleet's fault-free first days (those passing their physics checks) instead of the baselines.")
    var trained = false

    func validate() throws {
        guard vessels >= 6 else { throw ValidationError("--vessels must be at least 6 (faults go into vessels 1, 2, 4 and 5)") }
        guard days > 6, interval > 0 else { throw ValidationError("--days must exceed 6 (faults start on day 5) and --interval be positive") }
    }

    func run() async throws {
        var evaluation = DriftEvaluation()
        evaluation.vessels = vessels
        evaluation.days = days
        evaluation.intervalSeconds = interval
        evaluation.seed = seed
        if trained { (evaluation.models, evaluation.references) = try trainOnFaultFreeDays(evaluation) }
        let result = evaluation.run()
        print("\(vessels) vessels, \(Int(days)) days, a report every \(Int(interval)) s (\(result.reports) reports); faults from day \(Int(evaluation.injectAfterDays))")
        print("")
        print("| injected fault | vessel | Leeway: detected after | plain Page-Hinkley on raw residuals |")
        print("|---|---|---:|---:|")
        for (injection, naive) in zip(result.injections, result.naiveDelays) {
            let delay = injection.delay.map { "\(hours($0)) h" } ?? "missed"
            print("| \(injection.name) | \(injection.drift.vesselID) | \(delay) | \(naive.map { "\(hours($0)) h" } ?? "missed") |")
        }
        let delays = result.injections.compactMap(\.delay).map(hours).sorted()
        let median = delays.isEmpty ? "n/a" : "\(delays[delays.count / 2]) h"
        print("")
        print("detected \(delays.count) of \(result.injections.count); median delay \(median)")
        print("false alarms: \(result.falseAlarms) in \(Int(result.cleanVesselDays)) clean vessel-days = \(rounded(result.falseAlarmRate)) per 100 vessel-days")
        print("plain Page-Hinkley (River defaults, raw t/h residuals, per report): \(result.naiveFalseAlarms) false alarms = \(rounded(result.naiveFalseAlarmRate)) per 100 vessel-days")
        if trained {
            let faulty = Set(result.injections.map { $0.drift.vesselID })
            print("")
            print("type-level data drift (residual PSI + KS per type and regime, 72 h windows): \(result.dataDrift.count) firings; "
                + "vessels with injected faults: \(faulty.sorted().joined(separator: ", "))")
            for alert in result.dataDrift { print("  \(alert.startsAt)  \(alert.type.rawValue)  \(alert.feature)") }
        }
    }

    /// Fits every type on the days before the faults, as a registry would approve them:
    /// only models whose physics checks pass serve; the rest keep their baseline.
    private func trainOnFaultFreeDays(_ evaluation: DriftEvaluation) throws -> (ModelCatalog, [VesselType: DriftReferences]) {
        var fleet = FleetSimulator(evaluation.fleet)
        let end = evaluation.fleet.start.advanced(by: .seconds(evaluation.injectAfterDays * 86_400))
        var history: [Telemetry] = []
        while true {
            guard let report = fleet.next().telemetry else { continue }
            if report.eventTime >= end { break }
            history.append(report)
        }
        var catalog = ModelCatalog()
        var references: [VesselType: DriftReferences] = [:]
        for type in VesselType.allCases {
            let set = TrainingSet(history, type: type, assumedDraft: HullClass.typical(type).ladenDraft)
            guard let artifact = try? Trainer(type: type).train(set, source: "simulator", createdAt: "\(evaluation.fleet.start)").artifact else {
                continue
            }
            let fuel = artifact.targets.first { $0.name == "fuel_rate_tph" }
            let failed = artifact.checks.filter { !$0.passed }.map(\.name)
            print("\(type.rawValue): \(set.fitting.count) reports, fuel residual σ \(rounded((fuel?.relativeResidualStd ?? 0) * 100)) %, "
                + (failed.isEmpty ? "checks pass: serving the trained model" : "failed \(failed.joined(separator: ", ")): baseline"))
            if failed.isEmpty {
                catalog.serve(try artifact.servingModel(), for: type)
                references[type] = artifact.driftReferences
            }
        }
        print("")
        return (catalog, references)
    }

    private func hours(_ duration: Duration) -> Double {
        rounded(Double(duration.components.seconds) / 3600)
    }

    private func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
