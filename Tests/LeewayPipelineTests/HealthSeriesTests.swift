import Hummingbird
import HummingbirdTesting
import LeewayServer
import Prometheus
import Synchronization
import Testing

/// `/healthz` as a series (`leeway_healthy`) that Prometheus rules watch.
@Suite("Health as a metric")
struct HealthSeriesTests {
    /// The value on the `leeway_healthy` sample line.
    static func value(of body: ByteBuffer) -> Double? {
        String(buffer: body).split(separator: "\n").first { $0.hasPrefix("leeway_healthy ") }.flatMap { Double($0.dropFirst("leeway_healthy ".count)) }
    }

    @Test("GET /metrics says leeway_healthy 1 while /healthz is 200 and 0 while it is 503")
    func healthyFollowsHealthz() async throws {
        let problem = Mutex<String?>(nil)
        let router = OperationsEndpoint.router(registry: PrometheusCollectorRegistry(), health: { problem.withLock { $0 } })
        try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/metrics", method: .get) { #expect(Self.value(of: $0.body) == 1) }
            problem.withLock { $0 = "a commit has waited 12 s for the broker" }
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .serviceUnavailable) }
            try await client.execute(uri: "/metrics", method: .get) { #expect(Self.value(of: $0.body) == 0) }
            problem.withLock { $0 = nil }
            try await client.execute(uri: "/metrics", method: .get) { #expect(Self.value(of: $0.body) == 1) }
        }
    }
}
