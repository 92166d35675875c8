import Foundation
import Hummingbird

extension CacheRoutes {
    /// `GET /readyz`: 200 once the cache has read every topic to its end once, else 503.
    func readiness() -> Response {
        let progress = stores.progress
        guard progress.isReady else {
            let behind = progress.lag.values.reduce(0, +)
            let why = progress.problem.map { "; \($0)" } ?? ""
            return Problem(.serviceUnavailable, "catching up: \(behind) records behind on its topics\(why)").response
        }
        return Self.json(Readiness(caughtUpAfter: progress.caughtUpAfter ?? 0))
    }

    /// `GET /v1/status`: readiness, vessels, firing alerts, consumer lag and records read
    /// per topic (the dashboard derives throughput from successive calls).
    func status() -> Response {
        let progress = stores.progress
        return Self.json(CacheStatus(
            ready: progress.isReady, caughtUpAfter: progress.caughtUpAfter, problem: progress.problem,
            vessels: stores.fleet.count, vesselsEvicted: stores.fleet.evicted, alertsFiring: stores.alerts.firingCount,
            alertSubscribers: stores.alerts.subscriberCount, lag: progress.lag, records: progress.applied,
            recordsRejected: progress.rejected, fastPathAnswers: fastAnswers.value, time: Date().timeIntervalSince1970))
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json", .cacheControl: "no-cache"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// `GET /readyz` once ready.
struct Readiness: Encodable {
    var status = "ready"
    var caughtUpAfter: Double

    enum CodingKeys: String, CodingKey {
        case status, caughtUpAfter = "caught_up_after_s"
    }
}

/// `GET /v1/status` (openapi.yaml `CacheStatus`); absent values are `null`, not left out.
struct CacheStatus: Encodable {
    var ready: Bool
    var caughtUpAfter: Double?
    var problem: String?
    var vessels: Int
    var vesselsEvicted: Int
    var alertsFiring: Int
    var alertSubscribers: Int
    var lag: [String: Int64]
    var records: [String: Int]
    var recordsRejected: Int
    var fastPathAnswers: Int
    var time: Double

    enum CodingKeys: String, CodingKey {
        case ready, problem, vessels, lag, records, time
        case caughtUpAfter = "caught_up_after_s", vesselsEvicted = "vessels_evicted", alertsFiring = "alerts_firing"
        case alertSubscribers = "alert_subscribers", recordsRejected = "records_rejected", fastPathAnswers = "fast_path_answers"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ready, forKey: .ready)
        try container.encode(caughtUpAfter, forKey: .caughtUpAfter)
        try container.encode(problem, forKey: .problem)
        try container.encode(vessels, forKey: .vessels)
        try container.encode(vesselsEvicted, forKey: .vesselsEvicted)
        try container.encode(alertsFiring, forKey: .alertsFiring)
        try container.encode(alertSubscribers, forKey: .alertSubscribers)
        try container.encode(lag, forKey: .lag)
        try container.encode(records, forKey: .records)
        try container.encode(recordsRejected, forKey: .recordsRejected)
        try container.encode(fastPathAnswers, forKey: .fastPathAnswers)
        try container.encode(time, forKey: .time)
    }
}
