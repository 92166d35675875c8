import Foundation
import KafkaTestSupport
import ProcessTestSupport
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
    static func start(rows csv: String, name: String, directory: URL) async throws -> MLServerProcess {
        let venv = root.appendingPathComponent(".deps/mlserver/bin")
        guard FileManager.default.isExecutableFile(atPath: venv.appendingPathComponent("mlserver").path) else {
            throw POSIXError(.ENOENT, userInfo: [NSLocalizedDescriptionKey: "\(venv.path)/mlserver is missing: run make deps"])
        }
        let port = try LoopbackSocket.closedPort()
        let served = directory.appendingPathComponent("served")
        let fit = try await ChildProcess.run(venv.appendingPathComponent("python"), [
            "serve_mlserver.py", csv, "--name", name, "--version", "v1", "--port", "\(port)",
            "--grpc-port", "\(try LoopbackSocket.closedPort())", "--metrics-port", "\(try LoopbackSocket.closedPort())", "--out", served.path,
        ], directory: root.appendingPathComponent("examples/scikit-learn"))
        guard fit.status == 0 else { throw POSIXError(.EINVAL, userInfo: [NSLocalizedDescriptionKey: "serve_mlserver.py failed: \(fit.output)"]) }
        return try MLServerProcess(mlserver: venv.appendingPathComponent("mlserver"), served: served, port: port, directory: directory)
    }

    private init(mlserver: URL, served: URL, port: Int, directory: URL) throws {
        self.port = port
        logURL = directory.appendingPathComponent("mlserver.log")
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let log = try FileHandle(forWritingTo: logURL)
        process.executableURL = mlserver
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
    func freeze() { Foundation.kill(process.processIdentifier, SIGSTOP) }

    /// Thaws it (SIGCONT).
    func thaw() { Foundation.kill(process.processIdentifier, SIGCONT) }

    /// Stops it by PID: thawed, SIGTERM, then SIGKILL if it lingers past 10 s.
    func stop() async {
        thaw()
        process.terminate()
        let deadline = ContinuousClock.now.advanced(by: .seconds(10))
        while process.isRunning, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(50)) }
        kill()
    }

    /// SIGKILL by PID, if it still runs (thawed first, so that it can die).
    func kill() {
        guard process.isRunning else { return }
        thaw()
        Foundation.kill(process.processIdentifier, SIGKILL)
    }
}
