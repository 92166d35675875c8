import Hummingbird
import Logging
import Prometheus
import ServiceLifecycle

/// The operations endpoint of a running Leeway process: `GET /metrics` in Prometheus text
/// format (everything recorded through swift-metrics, including librdkafka's statistics),
/// `GET /healthz` and, when given, the model registry's routes (``ModelRoutes``). A
/// `Service`: it stops with the process's graceful shutdown.
public struct OperationsEndpoint: Service {
    private let application: Application<RouterResponder<BasicRequestContext>>

    /// Serves `registry` (and `models`) on `host:port` (port 0 picks a free one; `onListening` learns it).
    public init(registry: PrometheusCollectorRegistry, models: ModelRoutes? = nil, host: String, port: Int, logger: Logger,
                onListening: @escaping @Sendable (Int) async -> Void = { _ in }) {
        let router = Router()
        models?.add(to: router)
        router.get("metrics") { _, _ -> Response in
            let body = registry.emitToBuffer()
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(bytes: body)))
        }
        router.get("healthz") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "application/json"],
                     body: .init(byteBuffer: ByteBuffer(string: #"{"status":"ok"}"#)))
        }
        application = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "leeway"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) },
            logger: logger)
    }

    /// Serves until graceful shutdown.
    public func run() async throws {
        try await application.run()
    }
}
