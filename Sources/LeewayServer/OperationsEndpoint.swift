import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import Prometheus
import ServiceLifecycle

/// The HTTP endpoint of a running Leeway process: `GET /metrics` in Prometheus text format
/// (everything recorded through swift-metrics, including librdkafka's statistics),
/// `GET /healthz`, `GET /readyz` and, when given, the model registry's routes
/// (``ModelRoutes``) and a cache's pull API and dashboard (``CacheRoutes``). A `Service`:
/// it stops with the process's graceful shutdown.
public struct OperationsEndpoint: Service {
    private let application: Application<RouterResponder<BasicRequestContext>>

    /// Serves `registry` (and `models`, and `cache`) on `host:port` (port 0 picks a free one;
    /// `onListening` learns it). Without a cache, `/readyz` answers 200 as soon as it listens.
    /// `health` says why the process is unhealthy (then `/healthz` answers 503), or nil;
    /// `degraded` what works only in part (then it answers 200 with status `degraded`).
    public init(registry: PrometheusCollectorRegistry, models: ModelRoutes? = nil, cache: CacheRoutes? = nil,
                health: @escaping @Sendable () -> String? = { nil }, degraded: @escaping @Sendable () -> [String] = { [] },
                host: String, port: Int, logger: Logger, onListening: @escaping @Sendable (Int) async -> Void = { _ in }) {
        let router = Self.router(registry: registry, models: models, cache: cache, health: health, degraded: degraded)
        // A cache answers its hottest routes on the event loop (``LatestRecordFastPath``).
        let server: HTTPServerBuilder = cache.map { routes in .http1(configuration: .init(additionalChannelHandlers: [
            LatestRecordFastPath(routes: routes),
        ])) } ?? .http1()
        application = Application(
            router: router,
            server: server,
            configuration: .init(address: .hostname(host, port: port), serverName: "leeway"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) },
            logger: logger)
    }

    /// Every route of the endpoint (for tests and tools that want them without a server).
    public static func router(registry: PrometheusCollectorRegistry, models: ModelRoutes? = nil, cache: CacheRoutes? = nil,
                              health: @escaping @Sendable () -> String? = { nil },
                              degraded: @escaping @Sendable () -> [String] = { [] }) -> Router<BasicRequestContext> {
        let router = Router()
        let routes = ProblemMiddleware.Routes()
        router.add(middleware: ProblemMiddleware(routes: routes))
        models?.add(to: router)
        if let cache {
            cache.add(to: router)
        } else {
            router.get("readyz") { _, _ -> Response in
                Response(status: .ok, headers: [.contentType: "application/json"],
                         body: .init(byteBuffer: ByteBuffer(string: #"{"status":"ready"}"#)))
            }
        }
        // What `/healthz` says, as a series Prometheus rules can watch: 1 healthy, 0 not.
        let healthy = registry.makeGauge(descriptor: MetricNameDescriptor(
            namespace: "leeway", metricName: "healthy", unitName: "", helpText: "Whether GET /healthz answers 200 (1) or 503 (0)"))
        router.get("metrics") { _, _ -> Response in
            healthy.set(health() == nil ? Int64(1) : 0)
            let body = registry.emitToBuffer()
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(bytes: body)))
        }
        router.get("healthz") { _, _ -> Response in
            if let problem = health() { return Problem(.serviceUnavailable, problem).response }
            let partial = degraded()
            let body = partial.isEmpty ? Data(#"{"status":"ok"}"#.utf8)
                : (try? JSONEncoder().encode(HealthBody(status: "degraded", degraded: partial))) ?? Data()
            return Response(status: .ok, headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(bytes: body)))
        }
        routes.learn(router.routes)
        return router
    }

    /// Serves until graceful shutdown.
    public func run() async throws {
        try await application.run()
    }
}

/// `/healthz`'s body while the process works only in part.
struct HealthBody: Encodable {
    var status: String
    var degraded: [String]
}
