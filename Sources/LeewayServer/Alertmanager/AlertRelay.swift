import AsyncHTTPClient
import Foundation
import Hummingbird
import Logging
import Metrics
import ServiceLifecycle

/// Keeps an Alertmanager in step with the alerts a cache instance holds, the way
/// Alertmanager expects a client to: once the cache has caught up with the alerts topic it
/// sends every firing alert, then each change as the cache reads it (a withdrawn alert as
/// resolved), and sends the firing ones again every `resendInterval`, because Alertmanager
/// resolves an alert it has not heard of for its `resolve_timeout` (5 min by default).
///
/// One request at a time, in the order the cache read the changes, so a re-send never
/// overtakes a resolution. Changes wait in a bounded queue (the oldest dropped and counted
/// when Alertmanager is slower than the alerts); a failed request is tried three more
/// times with backoff. Every instance may relay: Alertmanager merges identical alerts.
public struct AlertRelay: Service {
    private enum Item { case change(ByteBuffer), resend }

    private let board: AlertBoard
    private let progress: CacheProgress
    private let url: URL
    private let resendInterval: Duration
    private let runbookBase: String?
    private let batchSize = 100
    private let logger: Logger
    private let sent = Counter(label: "leeway_alert_webhook_sent_total")
    private let dropped = Counter(label: "leeway_alert_webhook_dropped_total")

    /// A relay of `board`'s alerts to the Alertmanager endpoint `url` (its `/api/v2/alerts`),
    /// starting when `progress` says the cache has caught up. `runbookBase`, when given, is
    /// where the repository's docs are browsable: runbook paths become links under it.
    public init(board: AlertBoard, progress: CacheProgress, url: URL, resendInterval: Duration = .seconds(60),
                runbookBase: URL? = nil, logger: Logger = Logger(label: "leeway.alertmanager")) {
        self.board = board
        self.progress = progress
        self.url = url
        self.resendInterval = resendInterval
        self.runbookBase = runbookBase?.absoluteString
        self.logger = logger
    }

    /// Relays until graceful shutdown (or until the board closes).
    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !progress.isReady {
                guard (try? await Task.sleep(for: .milliseconds(100))) != nil else { return }
            }
            let (firing, changes) = board.subscribe()
            await send(firing.map(\.body))
            let (items, queue) = AsyncStream.makeStream(of: Item.self, bufferingPolicy: .bufferingNewest(10_000))
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await change in changes {
                        if case .dropped = queue.yield(.change(change.body)) { dropped.increment() }
                    }
                    queue.finish()
                }
                group.addTask {
                    while (try? await Task.sleep(for: resendInterval)) != nil { queue.yield(.resend) }
                }
                for await item in items {
                    switch item {
                    case .change(let record): await send([record])
                    case .resend: await send(board.alerts(status: "firing").map(\.body))
                    }
                }
                group.cancelAll()
            }
        }
    }

    /// POSTs `records` in batches of at most ``batchSize``.
    private func send(_ records: [ByteBuffer]) async {
        var start = 0
        while start < records.count {
            let batch = Array(records[start..<min(records.count, start + batchSize)])
            start += batch.count
            await post(batch)
        }
    }

    private func post(_ records: [ByteBuffer]) async {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(AlertmanagerAlert.body(records, runbookBase: runbookBase))
        for attempt in 1...4 {
            do {
                let response = try await HTTPClient.shared.execute(request, timeout: .seconds(5))
                _ = try? await response.body.collect(upTo: 1 << 20)
                if (200..<300).contains(response.status.code) {
                    sent.increment(by: records.count)
                    return
                }
                logger.warning("Alertmanager answered \(response.status.code)", metadata: ["url": "\(url)", "attempt": "\(attempt)"])
            } catch {
                if Task.isCancelled { return }
                logger.warning("Alertmanager unreachable", metadata: ["url": "\(url)", "attempt": "\(attempt)", "error": "\(error)"])
            }
            if attempt < 4 { try? await Task.sleep(for: .milliseconds(200 << attempt)) }
        }
        dropped.increment(by: records.count)
        logger.error("gave up sending \(records.count) alerts to Alertmanager; firing ones go again at the next re-send",
                     metadata: ["url": "\(url)"])
    }
}
