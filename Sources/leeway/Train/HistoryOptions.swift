import ArgumentParser
import Foundation
import Kafka
import LeewayCore
import LeewayPipeline
import LeewayTraining

/// Which telemetry history a command replays into a training set, and how.
struct HistoryOptions: ParsableArguments {
    @Option(name: .long, help: "The vessel type.") var type: VesselType
    @Option(name: .long, help: "Earliest event time to use (RFC 3339).") var from: String?
    @Option(name: .long, help: "Latest event time to use (RFC 3339).") var to: String?
    @Option(name: .long, help: "A telemetry topic, or a .jsonl file (default: the telemetry topic).") var source: String?
    @Option(name: .long, help: "Fraction of the latest reports held out for scoring.") var holdout = 0.2
    @Option(name: .long, help: "Seconds a report may lag its vessel's newest and still be applied: the processor's --lateness, so that the replay refuses what it refuses.")
    var lateness: Double = 21_600

    func validate() throws {
        for (name, value) in [("--from", from), ("--to", to)] where value.map({ EventTime(rfc3339: $0) == nil }) == true {
            throw ValidationError("\(name) expects an RFC 3339 time such as 2026-11-01T00:00:00Z, got \(value!)")
        }
        guard lateness >= 0 else { throw ValidationError("--lateness must be at least 0 seconds, got \(lateness)") }
        guard holdout > 0, holdout < 0.9 else { throw ValidationError("--holdout must be between 0 and 0.9, got \(holdout)") }
    }

    /// The source read: `source`, else the telemetry topic under `topicPrefix`.
    func sourceName(topicPrefix: String) -> String { source ?? topicPrefix + "fleet.telemetry.v1" }

    /// Reads the history and replays it into the type's training set, printing what it found.
    func trainingSet(broker: BrokerOptions, topicPrefix: String) async throws -> TrainingSet {
        let source = sourceName(topicPrefix: topicPrefix)
        let history = try await read(source, broker: broker)
        var policy = FeaturePolicy()
        policy.allowedLateness = .seconds(lateness)
        let set = TrainingSet(history.reports, type: type, from: from.flatMap(EventTime.init(rfc3339:)),
                              to: to.flatMap(EventTime.init(rfc3339:)), holdoutFraction: holdout,
                              assumedDraft: HullClass.typical(type).ladenDraft, policy: policy)
        print("\(history.reports.count) reports read (\(history.rejected) not telemetry); \(set.seen) of \(type.rawValue); "
            + "\(set.fitting.count) to fit and \(set.holdout.count) held out from \(set.vessels) vessels")
        return set
    }

    private func read(_ source: String, broker: BrokerOptions) async throws -> TelemetryHistory {
        if source.hasSuffix(".jsonl") || source == "-" {
            let data = source == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: source))
            return TelemetryHistory(jsonLines: Array(data))
        }
        var client = KafkaClientConfiguration(bootstrapServers: broker.servers)
        client.clientID = "leeway-train"
        client.properties = try broker.properties()
        let progress = ProgressLine(label: "reading \(source)")
        defer { progress.finish() }
        return try await TelemetryHistory.read(topic: source, client: client) { count in progress.update(count) }
    }
}
