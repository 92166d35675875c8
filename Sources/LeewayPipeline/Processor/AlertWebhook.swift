import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import LeewayCore
import Logging
import Metrics
import ServiceLifecycle

/// Forwards alert records to an Alertmanager-compatible endpoint (`POST` of a JSON array,
/// as `/api/v2/alerts` takes it). Never slows the processor: alerts wait in a bounded buffer
/// (the oldest are dropped and counted when it is full), are sent one per request (alerts
/// are rare), and a failed request is retried three times with backoff, then dropped and
/// logged — Kafka's
/// `fleet.drift-alerts.v1` stays the record of truth.
public final class AlertWebhook: Service, Sendable {
    private let url: URL
    private let logger: Logger
    private let stream: AsyncStream<DriftAlert>
    private let continuation: AsyncStream<DriftAlert>.Continuation
    private let dropped = Counter(label: "leeway_alert_webhook_dropped_total")
    private let sent = Counter(label: "leeway_alert_webhook_sent_total")

    /// A webhook to `url` buffering at most `capacity` alerts.
    public init(url: URL, capacity: Int = 1_000, logger: Logger = Logger(label: "leeway.webhook")) {
        self.url = url
        self.logger = logger
        (stream, continuation) = AsyncStream.makeStream(of: DriftAlert.self, bufferingPolicy: .bufferingNewest(max(1, capacity)))
    }

    /// Queues `alert` for sending; returns at once.
    public func post(_ alert: DriftAlert) {
        if case .dropped = continuation.yield(alert) { dropped.increment() }
    }

    /// Sends until graceful shutdown, then sends what is still queued.
    public func run() async throws {
        await withGracefulShutdownHandler {
            for await alert in stream { await send([alert]) }
        } onGracefulShutdown: {
            self.continuation.finish()
        }
    }

    private func send(_ alerts: [DriftAlert]) async {
        var body: [UInt8] = [0x5B]
        for (index, alert) in alerts.enumerated() {
            if index > 0 { body.append(0x2C) }
            body += alert.alertmanagerJSON
        }
        body.append(0x5D)
        var request = URLRequest(url: url, timeoutInterval: 5)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(body)
        for attempt in 1...4 {
            do {
                let (_, response) = try await URLSession.shared.data(for: request)
                let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                if (200..<300).contains(status) {
                    sent.increment(by: alerts.count)
                    return
                }
                logger.warning("alert webhook answered \(status)", metadata: ["url": "\(url)", "attempt": "\(attempt)"])
            } catch {
                logger.warning("alert webhook failed", metadata: ["url": "\(url)", "attempt": "\(attempt)", "error": "\(error)"])
            }
            if attempt < 4 { try? await Task.sleep(for: .milliseconds(200 << attempt)) }
        }
        dropped.increment(by: alerts.count)
        logger.error("alert webhook gave up on \(alerts.count) alerts; they remain on the alerts topic", metadata: ["url": "\(url)"])
    }
}
