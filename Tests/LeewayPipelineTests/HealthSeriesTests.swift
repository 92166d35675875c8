import Hummingbird
import HummingbirdTesting
import LeewayServer
import Prometheus
import Synchronization
import Testing

/// `/healthz` as a series (`leeway_healthy`) that Prometheus rules watch.
@Suite("Health as a metric")
struct HealthSeriesTests {
    @Test("GET /metrics says leeway_healthy 1 while /healthz is 200 and 0 while it is 503")
    func healthyFollowsHealthz() async throws {
        let problem = Mutex<String?>(nil)
        let router = OperationsEndpoint.router(registry: PrometheusCollectorRegistry(), health: { problem.withLock { $0 } })
        try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/metrics", method: .get) { #expect(String(buffer: $0.body).contains("leeway_healthy 1")) }
            problem.withLock { $0 = "a commit has waited 12 s for the broker" }
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .serviceUnavailable) }
            try await client.execute(uri: "/metrics", method: .get) { #expect(String(buffer: $0.body).contains("leeway_healthy 0")) }
            problem.withLock { $0 = nil }
            try await client.execute(uri: "/metrics", method: .get) { #expect(String(buffer: $0.body).contains("leeway_healthy 1")) }
        }
    }
}
