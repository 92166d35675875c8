import Hummingbird
import LeewayCore

/// The pull API over a cache instance's stores: the latest prediction and features per
/// vessel, the fleet list, what-if fuel curves, alerts (listed and streamed), the feature
/// catalogue, readiness and status. Every failure is problem-details JSON; every read comes from memory.
public struct CacheRoutes: Sendable {
    let stores: CacheFeed.Stores
    let freshness: Freshness.Thresholds
    let maxAge: Int
    let heartbeat: Duration
    let fastAnswers = AnswerCounter()

    /// Routes over `stores`. Predictions are `fresh`/`stale`/`expired` by `freshness`;
    /// clients may reuse a response for `maxAge` seconds; the alert stream sends a comment
    /// every `heartbeat` to keep idle connections open.
    public init(stores: CacheFeed.Stores, freshness: Freshness.Thresholds = .init(), maxAge: Int = 5,
                heartbeat: Duration = .seconds(15)) {
        self.stores = stores
        self.freshness = freshness
        self.maxAge = maxAge
        self.heartbeat = heartbeat
    }

    /// Adds the routes to `router`.
    public func add(to router: Router<BasicRequestContext>) {
        // Errors thrown here become problem details in ``ProblemMiddleware``.
        router.get("v1/vessels") { request, _ in try vessels(request) }
        router.get("v1/vessels/:id/prediction") { request, context in try latest(\.prediction, "prediction", request, context) }
        router.get("v1/vessels/:id/features") { request, context in try latest(\.features, "feature record", request, context) }
        router.get("v1/vessels/:id/fuel-curve") { request, context in try fuelCurve(request, context) }
        router.get("v1/alerts") { request, _ in try alerts(request) }
        router.get("v1/alerts/stream") { _, _ in alertStream() }
        router.get("v1/status") { _, _ in status() }
        router.get("v1/features/catalogue") { _, _ in featureCatalogue() }
        router.get("readyz") { _, _ in readiness() }
        router.get("") { _, _ in Dashboard.response }
    }

    /// Throws 503 until the cache has caught up once.
    func requireReady() throws {
        guard stores.progress.isReady else {
            throw Problem(.serviceUnavailable, "the cache is still reading its topics; retry shortly (GET /readyz says when it is ready)")
        }
    }
}
