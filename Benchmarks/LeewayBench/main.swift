// `make bench`: telemetry decode cost, then produce and consume throughput of Leeway's Kafka
// layer against the dev broker, next to librdkafka's own rdkafka_performance in the same run.
import Foundation
import Kafka
import LeewayCore
import Logging
import Synchronization

struct Options {
    var brokers = ProcessInfo.processInfo.environment["LEEWAY_BROKERS"] ?? "127.0.0.1:9092"
    var messages = 1_000_000
    var size = 200
    var partitions = 6
    var baseline: String? = ProcessInfo.processInfo.environment["LEEWAY_RDKAFKA_PERFORMANCE"]
    var aisFixture = "Tests/Fixtures/ais/uscg-nais-2016-07-28-first-20000-lines.nmea"
    var only = "all"
    /// librdkafka properties for the end-to-end run's clients (processor and passthrough alike).
    var kafkaProperties: [String: String] = [:]
    /// The dev broker's process, whose CPU per record the end-to-end rows report too.
    var brokerPID: Int32? = (try? String(contentsOfFile: ".run/broker.pid", encoding: .utf8))
        .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }

    init(_ arguments: [String]) throws {
        var iterator = arguments.dropFirst().makeIterator()
        while let flag = iterator.next() {
            guard let value = iterator.next() else { throw BenchError("\(flag) needs a value") }
            switch flag {
            case "--brokers": brokers = value
            case "--messages": messages = try Self.positive(value, flag)
            case "--size": size = try Self.positive(value, flag)
            case "--partitions": partitions = try Self.positive(value, flag)
            case "--baseline": baseline = value
            case "--ais-fixture": aisFixture = value
            case "--broker-pid": brokerPID = Int32(try Self.positive(value, flag))
            case "--kafka-property":
                let parts = value.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[0].isEmpty else { throw BenchError("--kafka-property expects name=value, got \(value)") }
                kafkaProperties[parts[0]] = parts[1]
            case "--only":
                guard ["all", "core", "decode", "kafka", "pipeline", "latency", "pull", "restore"].contains(value) else {
                    throw BenchError("--only expects all, core, decode, kafka, pipeline, latency, pull or restore")
                }
                only = value
            default: throw BenchError("unknown option \(flag); options: --brokers --messages --size --partitions --baseline --ais-fixture --only --kafka-property --broker-pid")
            }
        }
    }

    static func positive(_ value: String, _ flag: String) throws -> Int {
        guard let n = Int(value), n > 0 else { throw BenchError("\(flag) expects a positive integer, got \(value)") }
        return n
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

struct Row {
    var name: String
    var messages: Int
    var seconds: Double
    var bytes: Int
    /// Process CPU (every thread) per record over the whole run, where measured.
    var cpuMicrosecondsPerRecord: Double?
    /// The broker's CPU per record over the same run, where measured.
    var brokerMicrosecondsPerRecord: Double?
    var msgsPerSecond: Double { Double(messages) / seconds }
    var megabytesPerSecond: Double { Double(bytes) / seconds / 1_000_000 }
}

final class Counter: Sendable {
    private let value = Atomic<Int>(0)
    func add(_ n: Int) { value.add(n, ordering: .relaxed) }
    var count: Int { value.load(ordering: .relaxed) }
}

func makeTopic(_ admin: KafkaAdmin, _ name: String, partitions: Int) async throws {
    let result = try await admin.createTopics([TopicSpec(name: name, partitions: partitions)])
    if let failure = result[name], let failure { throw failure }
}

func swiftProduce(_ options: Options, topic: String) async throws -> Row {
    var configuration = KafkaProducerConfiguration(bootstrapServers: [options.brokers])
    configuration.compression = "none"
    configuration.linger = .milliseconds(5)
    configuration.batchMaxMessages = 10_000
    configuration.queueMaxMessages = 500_000
    configuration.client.statisticsInterval = nil
    let delivered = Counter(), failed = Counter()
    let producer = try KafkaProducer(configuration: configuration, logger: Logger(label: "bench")) { reports in
        var bad = 0
        for report in reports where report.error != nil { bad += 1 }
        delivered.add(reports.count - bad)
        failed.add(bad)
    }
    let record = ProducerRecord(topic: topic, key: nil, value: [UInt8](repeating: 0x61, count: options.size))
    let start = ContinuousClock.now
    for _ in 0..<options.messages {
        try await producer.sendAwaitingRoom(record)
    }
    try await producer.flush(timeout: .seconds(300))
    let seconds = (ContinuousClock.now - start).seconds
    await producer.close()
    guard failed.count == 0, delivered.count == options.messages else {
        throw BenchError("produce: \(delivered.count) delivered, \(failed.count) failed of \(options.messages)")
    }
    return Row(name: "produce (Swift layer)", messages: options.messages, seconds: seconds, bytes: options.messages * options.size)
}

func swiftConsume(_ options: Options, topic: String) async throws -> Row {
    var configuration = KafkaConsumerConfiguration(bootstrapServers: [options.brokers], groupID: "bench-\(UUID())", topics: [topic])
    configuration.sessionTimeout = .seconds(6)
    configuration.client.statisticsInterval = nil
    configuration.autoCommitInterval = .seconds(5)
    let consumer = try KafkaConsumer(configuration: configuration, logger: Logger(label: "bench"))
    var count = 0, bytes = 0
    var start: ContinuousClock.Instant?
    for try await event in consumer {
        guard case .records(let records) = event else { continue }
        start = start ?? .now
        count += records.count
        for record in records { bytes += record.value?.count ?? 0 }
        try consumer.store(processed: records)
        if count >= options.messages { break }
    }
    let seconds = (ContinuousClock.now - start!).seconds
    await consumer.close()
    return Row(name: "group consume (Swift layer)", messages: count, seconds: seconds, bytes: bytes)
}

/// Runs librdkafka's rdkafka_performance and reads its "N msgs/s" figure.
func baseline(_ options: Options, tool: String, arguments: [String], name: String) throws -> Row? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    // "% 1000000 messages produced (200000000 bytes), 1000000 delivered ... in 1234ms: 810372 msgs/s and 162.07 MB/s"
    let pattern = try Regex<(Substring, Substring, Substring)>(#"(\d+) messages .*? in (\d+)ms: \d+ msgs/s"#)
    guard let match = output.matches(of: pattern).last, let messages = Int(match.1), let ms = Double(match.2) else {
        FileHandle.standardError.write(Data("baseline \(name): no summary in rdkafka_performance output\n".utf8))
        return nil
    }
    return Row(name: name, messages: messages, seconds: ms / 1000, bytes: messages * options.size)
}

/// Best of two runs each, interleaved (librdkafka, Swift, Swift, librdkafka), so the broker's
/// growing memory does not favour whichever runs first.
func interleaved(swift: (Int) async throws -> Row, baseline: (Int) throws -> Row?) async throws -> (Row, Row?) {
    func fastest(_ a: Row?, _ b: Row?) -> Row? {
        guard let a, let b else { return a ?? b }
        return a.msgsPerSecond >= b.msgsPerSecond ? a : b
    }
    var best: Row?, base: Row?
    for round in 0..<2 {
        if round == 0 { base = fastest(base, try baseline(round)) }
        best = fastest(best, try await swift(round))
        if round == 1 { base = fastest(base, try baseline(round)) }
    }
    return (best!, base)
}


func format(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }

func main() async throws {
    let options = try Options(CommandLine.arguments)
    LoggingSystem.bootstrap { label in var h = StreamLogHandler.standardError(label: label); h.logLevel = ProcessInfo.processInfo.environment["LEEWAY_BENCH_LOG"] == "info" && label == "bench" ? .info : .error; return h }
    if ["all", "core", "decode"].contains(options.only) {
        try coreFigures(options)
    }
    // Latency first: the dev broker keeps everything in memory and slows down as the
    // throughput runs fill it with millions of records.
    if ["all", "latency"].contains(options.only) {
        try await latencyFigures(options)
    }
    if ["all", "kafka"].contains(options.only) {
        try await kafkaFigures(options)
    }
    if ["all", "pipeline"].contains(options.only) {
        try await pipelineFigures(options)
    }
    if ["all", "pull"].contains(options.only) {
        try await pullFigures(options)
    }
    if ["all", "restore"].contains(options.only) {
        try await restoreFigures(options)
    }
    Summary.shared.print()
}

func restoreFigures(_ options: Options) async throws {
    let (seconds, bytes, resident) = try await RestoreTime(options: options).run()
    print("")
    print("State restore: 100,000 vessels' changelog entries (\(bytes / 100_000) B each, 6 partitions) read to the end, decoded and held in \(format(seconds, 2)) s; held states take \(resident) B resident each (\(MemoryLayout<VesselState>.size) B inline)")
    Summary.shared.add("memory per vessel (state held, resident)", "\(resident) B (\(bytes / 100_000) B encoded)", only: "restore")
    Summary.shared.add("state restore, 100,000 vessels (read changelog + decode + hold)", "\(format(seconds, 2)) s", only: "restore")
}

func pullFigures(_ options: Options) async throws {
    print("")
    print("Pull API: a cache instance (this process) holding 1,000 vessels' latest predictions; wrk -t2 -c64, 10 s after a 3 s warm-up, loopback")
    let rows = try await PullThroughput(options: options).run()
    print("")
    print("| server | request | requests | req/s | p50 | p99 | errors |")
    print("|---|---|---:|---:|---:|---:|---|")
    for (name, result, baseline) in rows {
        for (server, row) in [("Leeway", result), ("FastAPI + uvicorn", baseline)] {
            guard let row else { continue }
            print("| \(server) | \(name) | \(row.requests) | \(format(row.requestsPerSecond, 0)) | \(row.p50) | \(row.p99) | \(row.errors) |")
        }
        let versus = baseline.map { "; FastAPI \(format($0.requestsPerSecond, 0)) req/s, p99 \($0.p99); Leeway = \(format(result.requestsPerSecond / $0.requestsPerSecond, 1)) ×" } ?? ""
        Summary.shared.add("pull API \(name), 1,000 vessels, wrk -t2 -c64",
                           "\(format(result.requestsPerSecond, 0)) req/s, p50 \(result.p50), p99 \(result.p99)" + versus, only: "pull")
    }
    if rows.first?.baseline == nil { print("(no FastAPI baseline: `make deps` installs it into .deps/bench)") }
    print("command: \(rows.first?.result.command ?? "")")
}

func pipelineFigures(_ options: Options) async throws {
    print("")
    print("End to end: \(options.messages) simulated records (1,000 vessels) through the processor, broker \(options.brokers);")
    print("steady rate between the group's first and last commit (join excluded); ceiling = consume + produce, no processing, same run")
    let (pipeline, passthrough, python) = try await PipelineThroughput(options: options).run()
    func micros(_ value: Double?) -> String { value.map { format($0, 2) + " µs" } ?? "n/a" }
    print("")
    print("| run | records | seconds | records/s | of ceiling | process CPU per record | broker CPU per record |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for row in [pipeline, passthrough] + (python.map { [$0] } ?? []) {
        print("| \(row.name) | \(row.messages) | \(format(row.seconds, 2)) | \(format(row.msgsPerSecond, 0)) | \(format(row.msgsPerSecond / passthrough.msgsPerSecond * 100, 0)) % | \(micros(row.cpuMicrosecondsPerRecord)) | \(micros(row.brokerMicrosecondsPerRecord)) |")
    }
    if python == nil { print("(no Python baseline: `make deps` installs it into .deps/bench)") }
    Summary.shared.add("end to end, processor with the broker (steady)",
                       "\(format(pipeline.msgsPerSecond, 0)) records/s = \(format(pipeline.msgsPerSecond / passthrough.msgsPerSecond, 2)) × the ceiling", only: "pipeline")
    Summary.shared.add("consume + produce ceiling, same run", "\(format(passthrough.msgsPerSecond, 0)) records/s", only: "pipeline")
    if let python {
        Summary.shared.add("plain Python confluent-kafka loop, same run", "\(format(python.msgsPerSecond, 0)) records/s; Leeway = \(format(pipeline.msgsPerSecond / python.msgsPerSecond, 2)) ×", only: "pipeline")
    }
    Summary.shared.add("process CPU per record: processor / ceiling / Python", "\(micros(pipeline.cpuMicrosecondsPerRecord)) / \(micros(passthrough.cpuMicrosecondsPerRecord)) / \(micros(python?.cpuMicrosecondsPerRecord))", only: "pipeline")
}

func coreFigures(_ options: Options) throws {
    let decode = decodeBenchmark()
    print("Telemetry decode + validate: \(format(decode.nanoseconds, 0)) ns/record (simulated records of \(decode.bytes) bytes on average, best of 5 x 200k)")
    Summary.shared.add("telemetry decode + validate", "\(format(decode.nanoseconds, 0)) ns/record", only: "decode")
    if options.only == "decode" { return }
    let core = processorCoreBenchmark()
    Summary.shared.add("processor core (features, prediction, drift watches)", "\(format(core.pass, 3)) µs/record", only: "core")
    Summary.shared.add("processor core from record bytes to prediction JSON", "\(format(core.full, 3)) µs/record", only: "core")
    print("Processor core: \(format(core.pass, 3)) µs/report features + prediction; \(format(core.encode, 3)) µs with vessel lookup and prediction JSON; \(format(core.full, 3)) µs from record bytes (decode included); state \(core.stateBytes) bytes encoded, \(MemoryLayout<VesselState>.size) in memory (200k reports, 500 vessels, best of 5)")
    print("Simulator: \(format(simulatorBenchmark(), 0)) records/s generated and encoded (1,000 vessels, 500k records, no broker)")
    if let ais = aisBenchmark(fixture: options.aisFixture) {
        print("AIS NMEA decode: \(format(ais.sentencesPerSecond, 0)) sentences/s (\(ais.sentences) AIS sentences of the USCG fixture, best of 5)")
    }
    print("")
}

func kafkaFigures(_ options: Options) async throws {
    let admin = try KafkaAdmin(configuration: KafkaClientConfiguration(bootstrapServers: [options.brokers]))
    let run = UUID().uuidString.prefix(8)
    let swiftTopic = "bench-swift-\(run)", baselineTopic = "bench-librdkafka-\(run)"

    print("Kafka layer throughput: \(options.messages) messages of \(options.size) bytes, \(options.partitions) partitions, broker \(options.brokers)")
    print("librdkafka \(Librdkafka.version); producer linger.ms=5 batch.num.messages=10000 compression none, idempotent; best of 2, interleaved")
    let tool = options.baseline.flatMap { FileManager.default.isExecutableFile(atPath: $0) ? $0 : nil }
    let common = { (topic: String) in ["-b", options.brokers, "-t", topic, "-c", String(options.messages)] }
    var topics: [(swift: String, baseline: String)] = []
    for round in 0..<2 {
        topics.append((swift: "\(swiftTopic)-\(round)", baseline: "\(baselineTopic)-\(round)"))
        try await makeTopic(admin, topics[round].swift, partitions: options.partitions)
        try await makeTopic(admin, topics[round].baseline, partitions: options.partitions)
    }
    let produce = try await interleaved(
        swift: { round in try await swiftProduce(options, topic: topics[round].swift) },
        baseline: { round in
            try tool.flatMap {
                try baseline(options, tool: $0, arguments: ["-P", "-s", String(options.size), "-X", "linger.ms=5",
                                                            "-X", "batch.num.messages=10000", "-X", "enable.idempotence=true",
                                                            "-X", "queue.buffering.max.messages=500000"] + common(topics[round].baseline),
                             name: "produce (librdkafka)")
            }
        })
    let consume = try await interleaved(
        swift: { round in try await swiftConsume(options, topic: topics[round].swift) },
        baseline: { round in
            try tool.flatMap {
                try baseline(options, tool: $0, arguments: ["-G", "bench-base-\(run)-\(round)", "-X", "session.timeout.ms=6000",
                                                            "-X", "auto.offset.reset=earliest"] + common(topics[round].baseline),
                             name: "group consume (librdkafka)")
            }
        })
    let rows = [produce, consume]
    admin.close()

    print("")
    print("| benchmark | messages | seconds | msgs/s | MB/s | librdkafka msgs/s | Swift / librdkafka |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for (row, base) in rows {
        Summary.shared.add("Kafka layer: \(row.name), \(options.size) B messages", "\(format(row.msgsPerSecond, 0)) msgs/s"
                           + (base.map { " (librdkafka \(format($0.msgsPerSecond, 0)))" } ?? ""), only: "kafka")
        var cells: [String] = [row.name, String(row.messages), format(row.seconds, 2)]
        cells.append(format(row.msgsPerSecond, 0))
        cells.append(format(row.megabytesPerSecond, 1))
        if let base {
            cells.append(format(base.msgsPerSecond, 0))
            cells.append(format(row.msgsPerSecond / base.msgsPerSecond * 100, 1) + " %")
        } else {
            cells.append(contentsOf: ["n/a", "n/a"])
        }
        print("| " + cells.joined(separator: " | ") + " |")
    }
    if tool == nil { print("(no baseline: set LEEWAY_RDKAFKA_PERFORMANCE to librdkafka's rdkafka_performance)") }
}

do {
    try await main()
} catch {
    FileHandle.standardError.write(Data("leeway-bench: \(error)\n".utf8))
    exit(1)
}
