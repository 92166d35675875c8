import Foundation
import KafkaTestSupport
import LeewayServer

/// The pull API's baseline: `Benchmarks/baselines/fastapi_cache.py` on uvicorn (two workers,
/// one per core, uvloop and httptools) from the `.deps/bench` venv, serving the very bytes and
/// entity tags the cache holds. Started on a free loopback port, stopped by PID.
struct FastAPICache {
    static let uvicorn = ".deps/bench/bin/uvicorn"

    /// Whether `make deps` installed the baseline's venv.
    static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: uvicorn) }

    let process = Process()
    let port: Int
    let predictions: URL

    /// Writes `records` (by vessel id) for the app and starts uvicorn; returns once it answers.
    init(records: [(id: String, record: CachedRecord)]) async throws {
        predictions = FileManager.default.temporaryDirectory.appendingPathComponent("leeway-fastapi-\(UUID().uuidString).json")
        var entries: [String: [String: Any]] = [:]
        for (id, record) in records {
            entries[id] = ["body": String(buffer: record.body), "etag": record.etag,
                           "event_time": record.eventTime ?? record.timestamp, "timestamp": record.timestamp]
        }
        try JSONSerialization.data(withJSONObject: entries).write(to: predictions)
        port = try LoopbackSocket.closedPort()
        process.executableURL = URL(fileURLWithPath: Self.uvicorn)
        process.arguments = ["--app-dir", "Benchmarks/baselines", "fastapi_cache:app", "--host", "127.0.0.1", "--port", String(port),
                             "--workers", "2", "--loop", "uvloop", "--http", "httptools", "--no-access-log", "--log-level", "warning"]
        var environment = ProcessInfo.processInfo.environment
        environment["LEEWAY_BENCH_PREDICTIONS"] = predictions.path
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let deadline = ContinuousClock.now.advanced(by: .seconds(30))
        while !Self.accepts(port) {
            guard ContinuousClock.now < deadline, process.isRunning else {
                stop()
                throw BenchError("the FastAPI baseline did not answer on port \(port)")
            }
            try await Task.sleep(for: .milliseconds(200))
        }
    }

    /// The base URL.
    var url: String { "http://127.0.0.1:\(port)" }

    /// Stops uvicorn (its workers with it) and removes the data file.
    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: predictions)
    }

    /// Whether something accepts connections on loopback `port`.
    private static func accepts(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}
