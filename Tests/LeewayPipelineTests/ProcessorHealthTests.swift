import Foundation
import Hummingbird
import HummingbirdTesting
@testable import LeewayPipeline
import LeewayServer
import Prometheus
import Testing

/// A commit stuck on the broker, or unanswered probes while input is quiet, turn `/healthz`
/// to 503 (`make chaos` shows it against a frozen broker); here the rules and the route.
@Suite("Processor health")
struct ProcessorHealthTests {
    @Test("healthy until a commit has waited longer than the patience; healthy again when it ends")
    func commitWaitingTooLong() async throws {
        let health = ProcessorHealth(patience: .milliseconds(100))
        #expect(health.problem == nil)
        health.beginCommit()
        #expect(health.problem == nil, "a commit in progress is normal")
        try await Task.sleep(for: .milliseconds(250))
        #expect(health.problem?.contains("waited") == true)
        health.endCommit()
        #expect(health.problem == nil)
    }

    @Test("while input is quiet: unhealthy once probes have gone unanswered longer than the patience, failed ones included; an answer heals")
    func unansweredProbes() async throws {
        let patient = ProcessorHealth(patience: .seconds(3600))
        #expect(patient.beginProbe())
        #expect(!patient.beginProbe(), "one probe at a time")
        patient.endProbe(answered: false)
        #expect(patient.problem == nil, "not past the patience")

        let health = ProcessorHealth(patience: .milliseconds(100))
        #expect(health.beginProbe())
        try await Task.sleep(for: .milliseconds(150))
        health.endProbe(answered: false)
        #expect(health.beginProbe())
        #expect(health.problem?.contains("not answered") == true, "the next probe keeps the clock of the first unanswered one")
        health.endProbe(answered: true)
        #expect(health.problem == nil)
        #expect(health.beginProbe())
        try await Task.sleep(for: .milliseconds(150))
        health.answered()
        #expect(health.problem == nil, "records arriving count as an answer")
    }

    @Test("/healthz answers 503 with problem details while unhealthy, 200 otherwise")
    func healthRoute() async throws {
        let health = ProcessorHealth(patience: .zero)
        let router = OperationsEndpoint.router(registry: PrometheusCollectorRegistry(), health: { health.problem })
        try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
            health.beginCommit()
            try await Task.sleep(for: .milliseconds(20))
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(String(buffer: response.body).contains("acknowledge"))
            }
            health.endCommit()
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
        }
    }
}
