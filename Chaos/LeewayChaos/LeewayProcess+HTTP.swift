import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension LeewayProcess {
    /// `http://127.0.0.1:PORT/` from the process's "serving HTTP" log line.
    func httpBase() throws -> URL {
        guard let line = log.split(separator: "\n").first(where: { $0.contains("serving HTTP") }),
              let range = line.range(of: "address=127.0.0.1:"),
              let port = Int(line[range.upperBound...].prefix { $0.isNumber }) else { throw ChaosError("no HTTP address in \(logURL.path)") }
        return URL(string: "http://127.0.0.1:\(port)/")!
    }

    /// The status `url` answers within 2 s (0 when it does not).
    static func status(_ url: URL) async -> Int {
        (try? await get(url))?.status ?? 0
    }

    /// The status and body `url` answers within 2 s.
    static func get(_ url: URL) async throws -> (status: Int, body: Data) {
        var request = URLRequest(url: url)
        request.timeoutInterval = 2
        let (body, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, body)
    }

    /// The value of the unlabelled Prometheus sample `name` on the process's `/metrics`.
    func metric(_ name: String) async throws -> Double {
        let (_, body) = try await Self.get(try httpBase().appendingPathComponent("metrics"))
        for line in String(decoding: body, as: UTF8.self).split(separator: "\n") where line.hasPrefix(name + " ") {
            if let value = Double(line.dropFirst(name.count + 1)) { return value }
        }
        throw ChaosError("\(name) is not on /metrics of pid \(pid)")
    }

    /// The most memory the process has had resident (VmHWM), bytes; nil off Linux.
    var peakResidentBytes: Int? { memory("VmHWM") }

    /// The memory the process has resident now (VmRSS), bytes; nil off Linux.
    var residentBytes: Int? { memory("VmRSS") }

    private func memory(_ field: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }),
              let kilobytes = Int(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "") else { return nil }
        return kilobytes * 1024
    }
}
