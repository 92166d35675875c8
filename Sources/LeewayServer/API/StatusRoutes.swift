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
        return Self.json(["status": "ready", "caught_up_after_s": progress.caughtUpAfter ?? 0])
    }

    /// `GET /v1/status`: readiness, vessels, firing alerts, consumer lag and records read
    /// per topic (the dashboard derives throughput from successive calls).
    func status() -> Response {
        let progress = stores.progress
        let body: [String: Any] = [
            "ready": progress.isReady,
            "caught_up_after_s": progress.caughtUpAfter.map { $0 as Any } ?? NSNull(),
            "problem": progress.problem.map { $0 as Any } ?? NSNull(),
            "vessels": stores.fleet.count,
            "vessels_evicted": stores.fleet.evicted,
            "alerts_firing": stores.alerts.firingCount,
            "alert_subscribers": stores.alerts.subscriberCount,
            "lag": progress.lag,
            "records": progress.applied,
            "records_rejected": progress.rejected,
            "fast_path_answers": fastAnswers.value,
            "time": Date().timeIntervalSince1970,
        ]
        return Self.json(body)
    }

    static func json(_ object: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json", .cacheControl: "no-cache"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
