import Foundation
import KafkaTestSupport

/// A real Alertmanager (Debian's `prometheus-alertmanager`, installed by `make deps`) on a
/// free loopback port, with no clustering and a receiver that notifies nobody.
final class AlertmanagerProcess {
    static let executable = "/usr/bin/prometheus-alertmanager"
    let process = Process()
    let port: Int
    let directory: URL

    /// Starts it with its state in `directory`.
    init(directory: URL) throws {
        guard FileManager.default.isExecutableFile(atPath: Self.executable) else {
            throw POSIXError(.ENOENT, userInfo: [NSLocalizedDescriptionKey: "\(Self.executable) is missing: run make deps"])
        }
        self.directory = directory
        port = try LoopbackSocket.closedPort()
        let config = directory.appendingPathComponent("alertmanager.yml")
        try """
            global:
              resolve_timeout: 5m
            route:
              receiver: nobody
              group_by: [alertname, vessel_type]
            receivers:
              - name: nobody
            """.write(to: config, atomically: true, encoding: .utf8)
        let log = directory.appendingPathComponent("alertmanager.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = ["--config.file=\(config.path)", "--storage.path=\(directory.appendingPathComponent("data").path)",
                             "--web.listen-address=127.0.0.1:\(port)", "--cluster.listen-address="]
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
    }

    /// The endpoint a relay posts to.
    var alertsURL: URL { URL(string: "http://127.0.0.1:\(port)/api/v2/alerts")! }

    /// Waits until `/-/ready` answers 200.
    func waitUntilReady(timeout: Duration = .seconds(30)) async throws {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < deadline, process.isRunning {
            if let (status, _) = try? await get("/-/ready"), status == 200 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        let log = (try? String(contentsOf: directory.appendingPathComponent("alertmanager.log"), encoding: .utf8)) ?? ""
        throw POSIXError(.ETIMEDOUT, userInfo: [NSLocalizedDescriptionKey: "Alertmanager did not become ready: \(log)"])
    }

    /// The alerts Alertmanager holds active now (`GET /api/v2/alerts`, resolved ones left
    /// out): their `alert_id` and `severity` labels, sorted.
    func active() async throws -> [String] {
        let (status, body) = try await get("/api/v2/alerts?active=true&silenced=true&inhibited=true&unprocessed=true")
        guard status == 200, let alerts = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [[String: Any]] else {
            throw POSIXError(.EPROTO, userInfo: [NSLocalizedDescriptionKey: "GET /api/v2/alerts answered \(status): \(body)"])
        }
        return alerts.compactMap { alert -> String? in
            guard (alert["status"] as? [String: Any])?["state"] as? String != "resolved",
                  let labels = alert["labels"] as? [String: String], let id = labels["alert_id"], let severity = labels["severity"]
            else { return nil }
            return "\(id) \(severity)"
        }.sorted()
    }

    private func get(_ path: String) async throws -> (Int, String) {
        let client = try LoopbackHTTPClient(port: port, request: "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        _ = await client.read(until: { _ in false }, timeout: .seconds(5))
        let response = client.received
        let status = Int(response.split(separator: " ").dropFirst().first ?? "") ?? 0
        guard let end = response.range(of: "\r\n\r\n") else { return (status, "") }
        let body = String(response[end.upperBound...])
        guard response[..<end.lowerBound].lowercased().contains("transfer-encoding: chunked") else { return (status, body) }
        return (status, Self.dechunked(body))
    }

    /// The payload of a chunked HTTP/1.1 body.
    static func dechunked(_ body: String) -> String {
        var bytes = Array(body.utf8)[...]
        var payload: [UInt8] = []
        while let lineEnd = bytes.firstRange(of: Array("\r\n".utf8)) {
            guard let size = Int(String(decoding: bytes[..<lineEnd.lowerBound], as: UTF8.self), radix: 16), size > 0 else { break }
            let start = lineEnd.upperBound
            payload += bytes[start..<min(bytes.endIndex, start + size)]
            bytes = bytes[min(bytes.endIndex, start + size + 2)...]
        }
        return String(decoding: payload, as: UTF8.self)
    }

    /// Stops it by PID: SIGTERM, then SIGKILL if it lingers past 10 s.
    func stop() async {
        process.terminate()
        let deadline = ContinuousClock.now.advanced(by: .seconds(10))
        while process.isRunning, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(50)) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
