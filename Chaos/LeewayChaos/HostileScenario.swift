import Foundation
import LeewayCore
import Kafka
import LeewayPipeline

/// Hostile telemetry: every record must land in the dead-letter topic with its reason,
/// the processor must not crash, and the good records around them must still be predicted.
struct HostileScenario {
    let options: ChaosOptions
    let count = 10_000

    /// The hostile records, cycling through the kinds, built from real records of a fleet.
    func hostileRecords(from good: [(key: [UInt8]?, value: [UInt8], timestamp: Int64?)]) -> [(key: [UInt8]?, value: [UInt8], timestamp: Int64?)] {
        let huge = Array(#"{"vessel_id":"IMO9999999","vessel_type":"tanker","note":""#.utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 10 << 20)
            + Array(#""}"#.utf8)
        var random = SystemRandomNumberGenerator()
        let kinds: [(String, (String) -> [UInt8])] = [
            ("malformed", { _ in Array(#"{"vessel_id":"IMO1","vessel_type":"#.utf8) }),
            ("truncated", { text in Array(text.utf8.prefix(text.utf8.count / 2)) }),
            ("deep nesting", { _ in Array(String(repeating: "[", count: 100_000).utf8) + Array(String(repeating: "]", count: 100_000).utf8) }),
            ("NaN", { text in Array(text.replacing(/"sog_kn":[-0-9.e]+/, with: #""sog_kn":NaN"#).utf8) }),
            ("wrong type", { text in Array(text.replacing(/"sog_kn":[-0-9.e]+/, with: #""sog_kn":"fast""#).utf8) }),
            ("invalid UTF-8", { text in Array(text.utf8.prefix(20)) + [0xFF, 0xFE, 0xC3] + Array(text.utf8.dropFirst(20)) }),
            ("binary", { _ in (0..<256).map { _ in UInt8.random(in: 0...255, using: &random) } }),
            ("empty", { _ in [] }),
            ("1e999", { text in Array(text.replacing(/"sog_kn":[-0-9.e]+/, with: #""sog_kn":1e999"#).utf8) }),
            ("long id", { text in Array(text.replacing(/"vessel_id":"[^"]*"/, with: "\"vessel_id\":\"\(String(repeating: "A", count: 10_000))\"").utf8) }),
            ("NUL bytes", { text in Array(text.utf8.prefix(30)) + [0, 0, 0] + Array(text.utf8.dropFirst(30)) }),
            ("top-level array", { text in Array("[\(text)]".utf8) }),
        ]
        var records: [(key: [UInt8]?, value: [UInt8], timestamp: Int64?)] = []
        for index in 0..<count {
            let source = good[index % good.count]
            // Five 10 MB strings among them; the rest cycle through the other kinds.
            let value = index % 2_000 == 1_999 ? huge : kinds[index % kinds.count].1(String(decoding: source.value, as: UTF8.self))
            records.append((source.key, value, source.timestamp))
        }
        return records
    }

    func run() async throws -> ChaosRow {
        let pipeline = try await ChaosPipeline.make("hostile", brokers: options.brokers)
        let good = simulatedFleet(vessels: 20, records: 2_000, seed: 7)
        let hostile = hostileRecords(from: good)
        let processor = try LeewayProcess(binary: options.leeway, arguments: options.processor(pipeline), log: "hostile")
        let started = ContinuousClock.now
        try await pipeline.produce(Array(good.prefix(1_000)), to: pipeline.topics.telemetry)
        try await pipeline.produce(hostile, to: pipeline.topics.telemetry, maxMessageBytes: 12 << 20)
        try await pipeline.produce(Array(good.dropFirst(1_000)), to: pipeline.topics.telemetry)
        try await pipeline.waitUntilCommitted(watching: processor)
        let elapsed = (ContinuousClock.now - started).seconds
        let alive = processor.process.isRunning
        let status = await processor.stop()

        let reasons = ReasonTally()
        let deadLetters = try await pipeline.read(pipeline.topics.deadLetters) { reasons.add($0) }
        let predictions = try await pipeline.read(pipeline.topics.predictions) { _ in }
        let lost = hostile.count - reasons.withReason
        return ChaosRow(scenario: "\(hostile.count) hostile records among \(good.count) good ones", recordsIn: hostile.count + good.count,
                        recordsOut: deadLetters + predictions, lost: max(0, lost), duplicated: max(0, deadLetters - hostile.count),
                        recovery: "none needed (\(String(format: "%.1f", elapsed)) s for all)",
                        note: "\(alive ? "0 crashes" : "processor died"), exit \(status); dead letters by reason: \(reasons.summary); \(predictions) predictions",
                        broken: !(alive && status == 0))
    }
}

/// Dead letters counted by their `leeway.dlq.reason` header.
final class ReasonTally: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]
    private(set) var withReason = 0

    func add(_ records: [ConsumerRecord]) {
        lock.lock()
        defer { lock.unlock() }
        for record in records {
            guard let reason = record.headers.first(where: { $0.name == DeadLetter.Header.reason })?.value ?? nil else { continue }
            withReason += 1
            counts[String(decoding: reason, as: UTF8.self).split(separator: ":").first.map(String.init) ?? "", default: 0] += 1
        }
    }

    var summary: String { counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") }
}
