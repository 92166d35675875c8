import ArgumentParser
import Foundation
import Kafka
import LeewayCore
import LeewaySimulator

/// `leeway simulate`: a deterministic fleet's telemetry, to the broker and/or a JSONL file.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate", abstract: "Produce a simulated fleet's telemetry (deterministic for a seed).")

    @OptionGroup var broker: BrokerOptions

    @Option(name: .long, help: "Number of vessels.") var vessels = 100
    @Option(name: .long, help: "Records to produce; 0 runs until interrupted.") var records = 10_000
    @Option(name: .long, help: "Random seed: equal seeds give identical records.") var seed: UInt64 = 1
    @Option(name: .long, help: "Records per second; 0 for as fast as possible.") var rate: Double = 0
    @Option(name: .long, help: "Event-time seconds between one vessel's reports.") var interval: Double = 60
    @Option(name: .long, help: "Event time of the first reports (RFC 3339).") var start = "2026-11-29T08:00:00Z"
    @Option(name: .long, help: "Fraction (0-1) of bad records, cycling through every reject reason.") var badFraction: Double = 0
    @Option(name: .long, parsing: .singleValue,
            help: ArgumentHelp("Inject a fault (repeatable): fuel:ID:+8%@TIME, speedlog:ID:+0.5@TIME, stuck:ID:FIELD@TIME.", valueName: "fault"))
    var drift: [String] = []
    @Flag(name: .long, help: "Satellite links: gaps, then late out-of-order bursts with resent duplicates.") var satellite = false
    @Option(name: .long, help: "The ships' physics: baseline (the physics baseline's own formula) or variant (physics the baseline does not assume).")
    var physics: SimulatorPhysics = .baseline
    @Option(name: .long, help: "How far each ship's particulars differ from its type's typical hull (0…0.3).") var hullSpread = 0.0
    @Option(name: .long, help: "Vessel types assigned in turn, comma-separated (default: a mixed merchant fleet).") var types: String?
    @Option(name: .long, help: "The telemetry topic.") var topic = "fleet.telemetry.v1"
    @Option(name: .long, help: "Also write each record as a JSON line to this file.") var out: String?
    @Flag(name: .long, help: "Do not produce to Kafka (use with --out).") var noKafka = false

    func validate() throws {
        guard vessels > 0 else { throw ValidationError("--vessels must be at least 1") }
        guard records >= 0, rate >= 0, interval > 0 else { throw ValidationError("--records, --rate must be >= 0 and --interval > 0") }
        guard (0...1).contains(badFraction) else { throw ValidationError("--bad-fraction must be between 0 and 1") }
        guard EventTime(rfc3339: start) != nil else { throw ValidationError("--start must be an RFC 3339 time, got \(start)") }
        for fault in drift where SensorDrift(fault) == nil {
            throw ValidationError("--drift '\(fault)' is not kind:VESSEL:AMOUNT@TIME (fuel:IMO9100000:+8%@2026-12-01T00:00:00Z)")
        }
        guard !noKafka || out != nil else { throw ValidationError("--no-kafka needs --out") }
        guard (0...0.3).contains(hullSpread) else { throw ValidationError("--hull-spread must be within 0…0.3, got \(hullSpread)") }
        if let types { _ = try VesselType.list(types) }
    }

    func run() async throws {
        var configuration = FleetSimulator.Configuration()
        configuration.vessels = vessels
        configuration.seed = seed
        configuration.start = EventTime(rfc3339: start)!
        configuration.intervalSeconds = interval
        configuration.badFraction = badFraction
        configuration.drifts = drift.compactMap(SensorDrift.init)
        configuration.satelliteLinks = satellite
        configuration.physics = physics
        configuration.hullSpread = hullSpread
        configuration.types = try types.map(VesselType.list)
        var fleet = FleetSimulator(configuration)

        let producer = try noKafka ? nil : makeProducer()
        let file = try out.map { path -> FileHandle in
            guard FileManager.default.createFile(atPath: path, contents: nil) else { throw ValidationError("cannot write \(path)") }
            return try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        }
        var progress = ProgressBar(total: records)
        var lines: [UInt8] = []
        let started = ContinuousClock.now
        var produced = 0
        while records == 0 || produced < records {
            let record = fleet.next()
            if let producer {
                try await producer.sendAwaitingRoom(ProducerRecord(topic: topic, key: record.key, value: record.value))
            }
            if file != nil {
                lines += record.value
                lines.append(0x0A)
                if lines.count > 1 << 20 { file?.write(Data(lines)); lines.removeAll(keepingCapacity: true) }
            }
            produced += 1
            if produced % 1000 == 0 {
                progress.update(produced)
                if rate > 0 {
                    let due = started.advanced(by: .seconds(Double(produced) / rate))
                    if due > .now { try await Task.sleep(until: due) }
                }
            }
        }
        file?.write(Data(lines))
        try file?.close()
        try await producer?.flush(timeout: .seconds(120))
        await producer?.close()
        progress.finish(produced)
        let seconds = (ContinuousClock.now - started) / .seconds(1)
        let perSecond = Int(Double(produced) / max(seconds, 1e-9))
        print("\(produced) records from \(vessels) vessels in \(String(format: "%.2f", seconds)) s: \(perSecond) records/s"
              + (noKafka ? "" : " to \(topic)") + (out.map { ", written to \($0)" } ?? ""))
    }

    private func makeProducer() throws -> KafkaProducer {
        var configuration = KafkaProducerConfiguration(bootstrapServers: broker.servers)
        configuration.client.clientID = "leeway-simulate"
        configuration.client.properties = try broker.properties()
        configuration.queueMaxMessages = 500_000
        return try KafkaProducer(configuration: configuration)
    }
}

/// A one-line progress bar on standard error, redrawn at most once per percent; silent
/// when standard error is not a terminal (logs, CI).
struct ProgressBar {
    let total: Int
    private var shownPercent = -1
    private let visible = isatty(STDERR_FILENO) != 0

    init(total: Int) { self.total = total }

    mutating func update(_ done: Int) {
        guard total > 0, visible else { return }
        let percent = min(100, done * 100 / total)
        guard percent != shownPercent else { return }
        shownPercent = percent
        let filled = percent * 30 / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(percent)% \(done)/\(total)".utf8))
    }

    mutating func finish(_ done: Int) {
        guard total > 0, visible else { return }
        update(done)
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
