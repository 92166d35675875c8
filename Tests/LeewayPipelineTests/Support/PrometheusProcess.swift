import AsyncHTTPClient
import Foundation
import KafkaTestSupport

/// A real Prometheus (Debian's `prometheus`, installed by `make deps`) on a free loopback
/// port, scraping the given jobs every 250 ms and evaluating `rules` as often.
final class PrometheusProcess {
    static let executable = "/usr/bin/prometheus"
    let process = Process()
    let port: Int
    let directory: URL

    /// Starts it with its storage in `directory`; `jobs` maps a job name to the loopback
    /// ports it scrapes.
    init(directory: URL, rules: String, jobs: [(name: String, ports: [Int])]) throws {
        guard FileManager.default.isExecutableFile(atPath: Self.executable) else {
            throw POSIXError(.ENOENT, userInfo: [NSLocalizedDescriptionKey: "\(Self.executable) is missing: run make deps"])
        }
        self.directory = directory
        port = try LoopbackSocket.closedPort()
        try rules.write(to: directory.appendingPathComponent("rules.yml"), atomically: true, encoding: .utf8)
        let scrapes = jobs.map { job in
            """
              - job_name: \(job.name)
                static_configs:
                  - targets: [\(job.ports.map { "\"127.0.0.1:\($0)\"" }.joined(separator: ", "))]
            """
        }.joined(separator: "\n")
        let config = directory.appendingPathComponent("prometheus.yml")
        try """
            global:
              scrape_interval: 250ms
              scrape_timeout: 200ms
              evaluation_interval: 250ms
            rule_files: [rules.yml]
            scrape_configs:
            \(scrapes)
            """.write(to: config, atomically: true, encoding: .utf8)
        let log = directory.appendingPathComponent("prometheus.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = ["--config.file=\(config.path)", "--storage.tsdb.path=\(directory.appendingPathComponent("data").path)",
                             "--web.listen-address=127.0.0.1:\(port)"]
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
    }

    /// Its log so far.
    var log: String { (try? String(contentsOf: directory.appendingPathComponent("prometheus.log"), encoding: .utf8)) ?? "" }

    /// Waits until `/-/ready` answers 200.
    func waitUntilReady(timeout: Duration = .seconds(30)) async throws {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < deadline, process.isRunning {
            if let (status, _) = try? await get("/-/ready"), status == 200 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw POSIXError(.ETIMEDOUT, userInfo: [NSLocalizedDescriptionKey: "Prometheus did not become ready: \(log)"])
    }

    /// The result vector of the instant query `expression`, each sample as its labels and value.
    func query(_ expression: String) async throws -> [(labels: [String: String], value: Double)] {
        var components = URLComponents()
        components.path = "/api/v1/query"
        components.queryItems = [URLQueryItem(name: "query", value: expression)]
        let path = components.percentEncodedPath + "?" + (components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
        let (status, body) = try await get(path)
        guard status == 200, let answer = try JSONSerialization.jsonObject(with: body) as? [String: Any],
              let data = answer["data"] as? [String: Any], let result = data["result"] as? [[String: Any]] else {
            throw POSIXError(.EPROTO, userInfo: [NSLocalizedDescriptionKey: "query \(expression) answered \(status): \(String(decoding: body, as: UTF8.self))"])
        }
        return result.map { sample in
            let value = (sample["value"] as? [Any])?.last as? String
            return (sample["metric"] as? [String: String] ?? [:], value.flatMap(Double.init) ?? .nan)
        }
    }

    /// The names of the alerts firing now (`GET /api/v1/alerts`).
    func firing() async throws -> Set<String> {
        let (status, body) = try await get("/api/v1/alerts")
        guard status == 200, let answer = try JSONSerialization.jsonObject(with: body) as? [String: Any],
              let alerts = (answer["data"] as? [String: Any])?["alerts"] as? [[String: Any]] else {
            throw POSIXError(.EPROTO, userInfo: [NSLocalizedDescriptionKey: "GET /api/v1/alerts answered \(status)"])
        }
        return Set(alerts.compactMap { alert in
            alert["state"] as? String == "firing" ? (alert["labels"] as? [String: String])?["alertname"] : nil
        })
    }

    private func get(_ path: String) async throws -> (Int, Data) {
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)"), timeout: .seconds(5))
        let body = try await response.body.collect(upTo: 16 << 20)
        return (Int(response.status.code), Data(body.readableBytesView))
    }

    /// Stops it by PID: SIGTERM, then SIGKILL if it lingers past 10 s.
    func stop() async {
        process.terminate()
        let deadline = ContinuousClock.now.advanced(by: .seconds(10))
        while process.isRunning, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(50)) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
