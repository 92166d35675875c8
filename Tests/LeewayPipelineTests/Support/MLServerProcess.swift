import Foundation
import KafkaTestSupport
import Testing

/// A real MLServer (from PyPI, in the venv `make deps` installs) serving a scikit-learn
/// model that `examples/scikit-learn/serve_mlserver.py` fitted, on free loopback ports.
final class MLServerProcess {
    let process = Process()
    let port: Int
    let logURL: URL
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Fits the model `name` (version v1) on the `leeway features export` rows in `csv` and starts a server in `directory`.
    init(rows csv: String, name: String, directory: URL) throws {
        let venv = Self.root.appendingPathComponent(".deps/mlserver/bin")
        guard FileManager.default.isExecutableFile(atPath: venv.appendingPathComponent("mlserver").path) else {
            throw POSIXError(.ENOENT, userInfo: [NSLocalizedDescriptionKey: "\(venv.path)/mlserver is missing: run make deps"])
        }
        port = try LoopbackSocket.closedPort()
        let served = directory.appendingPathComponent("served")
        let fit = Process()
        fit.executableURL = venv.appendingPathComponent("python")
        fit.currentDirectoryURL = Self.root.appendingPathComponent("examples/scikit-learn")
        fit.arguments = ["serve_mlserver.py", csv, "--name", name, "--version", "v1", "--port", "\(port)",
                         "--grpc-port", "\(try LoopbackSocket.closedPort())", "--metrics-port", "\(try LoopbackSocket.closedPort())",
                         "--out", served.path]
        try fit.run()
        fit.waitUntilExit()
        guard fit.terminationStatus == 0 else { throw POSIXError(.EINVAL, userInfo: [NSLocalizedDescriptionKey: "serve_mlserver.py failed"]) }
        logURL = directory.appendingPathComponent("mlserver.log")
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let log = try FileHandle(forWritingTo: logURL)
        process.executableURL = venv.appendingPathComponent("mlserver")
        process.arguments = ["start", served.path]
        process.standardOutput = log
        process.standardError = log
        try process.run()
    }

    var url: String { "http://127.0.0.1:\(port)" }

    /// Waits until `/v2/health/ready` answers 200.
    func waitUntilReady(timeout: Duration = .seconds(60)) async throws {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < deadline, process.isRunning {
            if let client = try? LoopbackHTTPClient(port: port, request: "GET /v2/health/ready HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"),
               await client.read(until: { $0.contains("\r\n\r\n") }, timeout: .seconds(2)), client.received.hasPrefix("HTTP/1.1 200") {
                return
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw POSIXError(.ETIMEDOUT, userInfo: [NSLocalizedDescriptionKey: "MLServer did not become ready: \((try? String(contentsOf: logURL, encoding: .utf8)) ?? "")"])
    }

    /// Freezes it (SIGSTOP): connections are accepted by the kernel, nothing answers.
    func freeze() { kill(process.processIdentifier, SIGSTOP) }

    /// Thaws it (SIGCONT).
    func thaw() { kill(process.processIdentifier, SIGCONT) }

    /// Stops it by PID: thawed, SIGTERM, then SIGKILL if it lingers.
    func stop() {
        thaw()
        process.terminate()
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < deadline { usleep(50_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
