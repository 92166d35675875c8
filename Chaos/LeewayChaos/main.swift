// `make chaos`: faults a production pipeline meets, each printing a row of the table:
// records in, records out, lost, duplicated, time to recover.
import Foundation
import Logging

struct ChaosOptions {
    var brokers = ProcessInfo.processInfo.environment["LEEWAY_BROKERS"] ?? "127.0.0.1:9092"
    var records = 1_000_000
    var kills = 10
    var only = "all"
    var leeway = URL(fileURLWithPath: ".build/release/leeway")
    var brokerPID: Int32? = (try? String(contentsOfFile: ".run/broker.pid", encoding: .utf8))
        .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    var pause: Duration = .seconds(30)
    var pauseRecords = 60_000
    var scaleRecords = 120_000
    var floodRecords = 1_000_000
    var floodCap = 100_000
    var mockRecords = 60_000

    init(_ arguments: [String]) throws {
        var iterator = arguments.dropFirst().makeIterator()
        while let flag = iterator.next() {
            guard let value = iterator.next() else { throw ChaosError("\(flag) needs a value") }
            switch flag {
            case "--brokers": brokers = value
            case "--records": records = try Self.positive(value, flag)
            case "--kills": kills = try Self.positive(value, flag)
            case "--leeway": leeway = URL(fileURLWithPath: value)
            case "--broker-pid": brokerPID = Int32(try Self.positive(value, flag))
            case "--pause-seconds": pause = .seconds(try Self.positive(value, flag))
            case "--flood-records": floodRecords = try Self.positive(value, flag)
            case "--flood-cap": floodCap = try Self.positive(value, flag)
            case "--only":
                guard ["all", "kill", "pause", "scale", "hostile", "flood", "model", "mock"].contains(value) else {
                    throw ChaosError("--only expects all, kill, pause, scale, hostile, flood, model or mock")
                }
                only = value
            default: throw ChaosError("unknown option \(flag); options: --brokers --records --kills --leeway --broker-pid --pause-seconds --flood-records --flood-cap --only")
            }
        }
        guard FileManager.default.isExecutableFile(atPath: leeway.path) else {
            throw ChaosError("\(leeway.path) is missing: build it with `swift build -c release --product leeway`")
        }
    }

    static func positive(_ value: String, _ flag: String) throws -> Int {
        guard let number = Int(value), number > 0 else { throw ChaosError("\(flag) expects a positive integer, got \(value)") }
        return number
    }

    /// `leeway run --role processor` arguments for `pipeline`, tuned for the dev broker.
    func processor(_ pipeline: ChaosPipeline) -> [String] {
        ["run", "--role", "processor", "--brokers", pipeline.brokers, "--topic-prefix", pipeline.prefix, "--group", pipeline.group,
         "--session-timeout", "6", "--commit-interval", "0.2", "--http-address", "off", "--log-level", "notice"]
    }
}

func main() async throws {
    let options = try ChaosOptions(CommandLine.arguments)
    LoggingSystem.bootstrap { label in var h = StreamLogHandler.standardError(label: label); h.logLevel = .error; return h }
    say("Chaos against the broker at \(options.brokers), leeway binary \(options.leeway.path)")
    var rows: [ChaosRow] = []
    if ["all", "kill"].contains(options.only) {
        say("- kill -9: \(options.records) records of 1,000 simulated vessels, \(options.kills) kills")
        rows.append(await attempt("kill") { try await KillScenario(options: options).run() })
    }
    if ["all", "pause"].contains(options.only) {
        say("- broker paused \(options.pause) mid-stream (\(options.pauseRecords) records)")
        rows.append(await attempt("pause") { try await PauseScenario(options: options).run() })
    }
    if ["all", "scale"].contains(options.only) {
        say("- scale out and in under load (\(options.scaleRecords) records over 60 s)")
        rows.append(await attempt("scale") { try await ScaleScenario(options: options).run() })
    }
    if ["all", "hostile"].contains(options.only) {
        say("- hostile records")
        rows.append(await attempt("hostile") { try await HostileScenario(options: options).run() })
    }
    if ["all", "flood"].contains(options.only) {
        say("- \(options.floodRecords) distinct vessel ids in a flood, --max-vessels \(options.floodCap)")
        rows.append(await attempt("flood") { try await FloodScenario(options: options).run() })
    }
    if ["all", "mock"].contains(options.only) {
        say("- librdkafka's mock cluster: leader moves, injected request errors, the coordinator's broker down (\(options.mockRecords) records)")
        rows.append(await attempt("mock") { try await MockClusterScenario(options: options).run() })
    }
    if ["all", "model"].contains(options.only) {
        say("- bad model artifacts approved on the registry topic")
        rows.append(await attempt("model") { try await ModelScenario(options: options).run() })
    }
    say("")
    say(ChaosRow.header)
    for row in rows { say(row.line) }
    if rows.contains(where: { !$0.passed }) { exit(1) }
}

/// Runs one scenario; one that cannot finish becomes a failed row (with its reason), and the
/// others still run, so a red run shows every scenario's result.
func attempt(_ name: String, _ scenario: () async throws -> ChaosRow) async -> ChaosRow {
    do {
        return try await scenario()
    } catch {
        say("  \(name) could not finish: \(error)")
        return ChaosRow(scenario: "\(name): could not finish", recordsIn: 0, recordsOut: 0, lost: 0, duplicated: 0,
                        recovery: "-", note: "\(error)", broken: true)
    }
}

do { try await main() } catch {
    FileHandle.standardError.write(Data("leeway-chaos: \(error)\n".utf8))
    exit(2)
}
