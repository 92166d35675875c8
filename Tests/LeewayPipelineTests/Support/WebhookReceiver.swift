import Foundation
import Hummingbird
import ServiceLifecycle
import Synchronization

/// A tiny Alertmanager stand-in: records the bodies POSTed to /api/v2/alerts.
final class WebhookReceiver: Sendable {
    /// The bodies received, in order.
    final class BodyLog: Sendable {
        let bodies = Mutex<[[UInt8]]>([])
    }

    private let log: BodyLog
    private let group: ServiceGroup
    private let running: Task<Void, any Error>
    let port: Int

    private init(log: BodyLog, group: ServiceGroup, running: Task<Void, any Error>, port: Int) {
        self.log = log
        self.group = group
        self.running = running
        self.port = port
    }

    var bodies: [[UInt8]] { log.bodies.withLock { $0 } }

    static func start() async throws -> WebhookReceiver {
        let log = BodyLog()
        let router = Router()
        router.post("api/v2/alerts") { request, _ -> HTTPResponse.Status in
            let body = try await request.body.collect(upTo: 1 << 20)
            log.bodies.withLock { $0.append(Array(buffer: body)) }
            return .ok
        }
        let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { channel in portContinuation.yield(channel.localAddress?.port ?? 0) })
        let group = ServiceGroup(configuration: .init(services: [app], logger: .init(label: "webhook-receiver")))
        let running = Task { try await group.run() }
        var iterator = portStream.makeAsyncIterator()
        let port = await iterator.next() ?? 0
        return WebhookReceiver(log: log, group: group, running: running, port: port)
    }

    func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await running.value
    }
}
