import ArgumentParser
import Foundation
import Kafka
import LeewayCore
import LeewayModels
import LeewayPipeline
import LeewayTraining

/// `leeway train`: fit a vessel type's model from telemetry history.
struct TrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train", abstract: "Fit a linear-physics model for one vessel type, check it, report it, register it.",
        discussion: """
        Reads telemetry history (a topic from start to end, or a JSON-lines file) and replays it through \
        the processor's feature updater, keeps reports of the type under way with fuel and shaft power \
        measured, fits shaft power as the hull's power law (exponents learnt within physical bounds) \
        scaled by fouling and waves plus the wind's added drag, and fuel from that power through the \
        engine's curve, every coefficient non-negative and each ship calibrated (docs/models.md); \
        scores the last 20 % by event time, runs the physics checks, and writes <type>-v<N>.json and <type>-v<N>.html into --out. With --register the version \
        enters the registry: pending review, or rejected when a check failed (exit code 3).
        """)

    @OptionGroup var options: RegistryOptions
    @Option(name: .long, help: "The vessel type.") var type: VesselType
    @Option(name: .long, help: "Earliest event time to use (RFC 3339).") var from: String?
    @Option(name: .long, help: "Latest event time to use (RFC 3339).") var to: String?
    @Option(name: .long, help: "A telemetry topic, or a .jsonl file (default: the telemetry topic).") var source: String?
    @Option(name: .long, help: "Fraction of the latest reports held out for scoring.") var holdout = 0.2
    @Option(name: .long, help: "Seconds a report may lag its vessel's newest and still be applied: the processor's --lateness, so that the replay refuses what it refuses.")
    var lateness: Double = 21_600
    @Option(name: .long, help: "Where to write the artifact and its report.") var out = "models"
    @Flag(name: .long, help: "Register the model in the registry topic.") var register = false

    func validate() throws {
        for (name, value) in [("--from", from), ("--to", to)] where value.map({ EventTime(rfc3339: $0) == nil }) == true {
            throw ValidationError("\(name) expects an RFC 3339 time such as 2026-11-01T00:00:00Z, got \(value!)")
        }
        guard lateness >= 0 else { throw ValidationError("--lateness must be at least 0 seconds, got \(lateness)") }
        guard holdout > 0, holdout < 0.9 else { throw ValidationError("--holdout must be between 0 and 0.9, got \(holdout)") }
    }

    func run() async throws {
        let source = source ?? options.topicPrefix + "fleet.telemetry.v1"
        let history = try await read(source)
        let set = TrainingSet(history.reports, type: type, from: from.flatMap(EventTime.init(rfc3339:)),
                              to: to.flatMap(EventTime.init(rfc3339:)), holdoutFraction: holdout,
                              assumedDraft: HullClass.typical(type).ladenDraft, policy: policy)
        print("\(history.reports.count) reports read (\(history.rejected) not telemetry); \(set.seen) of \(type.rawValue); "
            + "\(set.fitting.count) to fit and \(set.holdout.count) held out from \(set.vessels) vessels")
        var artifact = try Trainer(type: type).train(set, source: source, createdAt: "\(EventTime.now)").artifact
        if register {
            let time = "\(EventTime.now)"
            let fitted = artifact
            artifact.version = try await options.registry().update(type) { record in try record.register(fitted, at: time) }
            artifact.status = artifact.passedChecks ? .pending : .rejected
        }
        let stem = register ? "\(type.rawValue)-v\(artifact.version)" : "\(type.rawValue)-\(artifact.contentHash.prefix(12))"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let json = (out as NSString).appendingPathComponent(stem + ".json"), page = (out as NSString).appendingPathComponent(stem + ".html")
        try artifact.encoded().write(to: URL(fileURLWithPath: json))
        try AuditReport(artifact).html().write(toFile: page, atomically: true, encoding: .utf8)
        for metric in artifact.metrics {
            print("holdout \(metric.target): MAE \(String(format: "%.4g", metric.mae)), RMSE \(String(format: "%.4g", metric.rmse)), R² \(String(format: "%.4f", metric.rSquared))")
        }
        for check in artifact.checks { print("\(check.passed ? "pass" : "FAIL") \(check.name): \(check.detail)") }
        print("wrote \(json) and \(page)")
        if register { printRegistration(artifact, version: artifact.version) }
        if !artifact.passedChecks { throw ExitCode(3) }
    }

    /// The processor's feature policy with this run's lateness.
    private var policy: FeaturePolicy {
        var policy = FeaturePolicy()
        policy.allowedLateness = .seconds(lateness)
        return policy
    }

    private func read(_ source: String) async throws -> TelemetryHistory {
        if source.hasSuffix(".jsonl") || source == "-" {
            let data = source == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: source))
            return TelemetryHistory(jsonLines: Array(data))
        }
        var client = KafkaClientConfiguration(bootstrapServers: options.broker.servers)
        client.clientID = "leeway-train"
        client.properties = try options.broker.properties()
        let progress = ProgressLine(label: "reading \(source)")
        defer { progress.finish() }
        return try await TelemetryHistory.read(topic: source, client: client) { count in progress.update(count) }
    }
}
