import Foundation
import KafkaTestSupport
import Testing

/// `leeway run --role processor` as a child process: the real binary, killable with SIGKILL.
final class ProcessorProcess {
    let process = Process()
    let logURL: URL
    /// Standard input of the child: if this test process dies, the pipe closes and the
    /// processor shuts itself down (`--exit-on-stdin-close`) instead of lingering.
    private let lifeline = Pipe()

    /// The `leeway` binary `swift build` made next to the tests.
    static let binary: URL = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/leeway")
    }()

    /// Starts a processor of `pipeline`'s group; its log goes to a temporary file.
    init(_ pipeline: PipelineFixture, name: String, role: String = "processor", arguments extra: [String] = []) throws {
        guard FileManager.default.isExecutableFile(atPath: Self.binary.path) else {
            throw POSIXError(.ENOENT, userInfo: [NSLocalizedDescriptionKey: "\(Self.binary.path) is missing: run `swift build` first"])
        }
        logURL = FileManager.default.temporaryDirectory.appendingPathComponent("\(pipeline.group)-\(name).log")
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let log = try FileHandle(forWritingTo: logURL)
        process.executableURL = Self.binary
        process.arguments = [
            "run", "--role", role, "--brokers", TestBroker.bootstrap, "--group", pipeline.group,
            "--topic-prefix", pipeline.prefix,
            "--session-timeout", "6", "--commit-interval", "0.2", "--exit-on-stdin-close", "--shutdown-timeout", "20",
            "--metrics-address", "127.0.0.1:0",
        ] + extra + (ProcessInfo.processInfo.environment["LEEWAY_TEST_KAFKA_DEBUG"].map { ["--kafka-property", "debug=\($0)", "--log-level", "debug"] } ?? [])
        process.standardOutput = log
        process.standardError = log
        process.standardInput = lifeline
        try process.run()
    }

    /// The log so far.
    var log: String { (try? String(contentsOf: logURL, encoding: .utf8)) ?? "" }

    /// Waits until the log shows partitions restored and assigned.
    func waitUntilAssigned(timeout: Duration = .seconds(60)) async throws {
        try await waitForLog("state restored", timeout: timeout)
    }

    /// Waits until `text` appears `count` times in the log.
    func waitForLog(_ text: String, count: Int = 1, timeout: Duration = .seconds(60)) async throws {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while log.components(separatedBy: text).count - 1 < count {
            guard process.isRunning, ContinuousClock.now < deadline else {
                Issue.record("\"\(text)\" did not appear \(count) time(s) in the processor's log:\n\(log)")
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// The port its /metrics endpoint listens on, from its log.
    func metricsPort(timeout: Duration = .seconds(30)) async throws -> Int {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < deadline {
            if let line = log.split(separator: "\n").first(where: { $0.contains("serving HTTP") }),
               let range = line.range(of: "address=127.0.0.1:"),
               let port = Int(line[range.upperBound...].prefix { $0.isNumber }) {
                return port
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw POSIXError(.ETIMEDOUT, userInfo: [NSLocalizedDescriptionKey: "no metrics address in the log:\n\(log)"])
    }

    /// SIGKILL: no flush, no commit, no goodbye to the group.
    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// SIGTERM, then waits for a graceful exit; returns the exit status.
    func stop() async -> Int32 {
        process.terminate()
        while process.isRunning { try? await Task.sleep(for: .milliseconds(50)) }
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
    }
}
