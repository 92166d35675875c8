import LeewayCore
import LeewayModels
import LeewaySimulator
import LeewayTraining

extension ModelEvaluation {
    /// Trains `outcome`'s type on `history` as `leeway train` does, and serves the model in
    /// `catalog` when every check passes (the registry approves nothing else).
    func train(_ outcome: inout TypeOutcome, history: [Telemetry], into catalog: inout ModelCatalog) {
        let type = outcome.type
        let set = TrainingSet(history, type: type, assumedDraft: HullClass.typical(type).ladenDraft)
        guard var artifact = try? Trainer(type: type).train(set, source: "simulator", createdAt: "\(FleetSimulator.Configuration().start)").artifact else {
            outcome.failedChecks = ["training failed: \(set.fitting.count) reports"]
            return
        }
        outcome.checksRun = artifact.checks.count
        outcome.checksPassed = artifact.checks.filter(\.passed).count
        outcome.failedChecks = artifact.checks.filter { !$0.passed }.map(\.name)
        artifact.version = 1
        guard let model = try? artifact.approvedModel() else { return }
        catalog.serve(model, for: type)
        outcome.model = "\(model.identity.name) v1"
    }

    /// Trains the first type on `history` as each ``BrokenMeter`` would have reported it:
    /// every one must produce a model that its checks reject.
    func trainBroken(history: [Telemetry]) -> [BrokenMeterOutcome] {
        guard let type = types.first else { return [] }
        return BrokenMeter.allCases.map { meter in
            let set = TrainingSet(meter.rewrite(history), type: type, assumedDraft: HullClass.typical(type).ladenDraft)
            do throws(AdmiraltyFit.FitError) {
                let artifact = try Trainer(type: type).train(set, source: "simulator", createdAt: "\(FleetSimulator.Configuration().start)").artifact
                return BrokenMeterOutcome(meter: meter, type: type, failedChecks: artifact.checks.filter { !$0.passed }.map(\.name))
            } catch {
                return BrokenMeterOutcome(meter: meter, type: type, failedChecks: [], trainingError: error.description)
            }
        }
    }
}

/// What training made of a broken meter's history.
public struct BrokenMeterOutcome: Sendable {
    /// The meter.
    public var meter: BrokenMeter
    /// The type trained.
    public var type: VesselType
    /// The checks that failed (empty: the model would have been approvable).
    public var failedChecks: [String]
    /// Why training produced no model at all, if it did not.
    public var trainingError: String?

    /// Whether no approvable model came out.
    public var rejected: Bool { !failedChecks.isEmpty || trainingError != nil }
}
