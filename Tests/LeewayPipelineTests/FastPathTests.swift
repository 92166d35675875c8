import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Kafka
import KafkaTestSupport
import LeewayPipeline
import LeewayServer
import Logging
import Prometheus
import Testing

/// The event-loop fast path for `/v1/vessels/{id}/prediction|features` answers exactly what
/// the router answers, and never reorders responses on a connection.
@Suite("Pull API fast path", .serialized)
struct FastPathTests {
    /// Status line, headers (without Date) and body of each response in `text`, in order.
    static func responses(_ text: String) -> [String] {
        text.components(separatedBy: "HTTP/1.1 ").dropFirst().map { response in
            response.split(separator: "\r\n", omittingEmptySubsequences: false)
                .filter { !$0.lowercased().hasPrefix("date:") }.joined(separator: "\n")
        }
    }

    @Test("same bytes as the router; 304 on a matching ETag; router answers keep their place in a pipeline")
    func fastPathMatchesRouter() async throws {
        let pipeline = try await PipelineFixture.make("fast", partitions: 1)
        let producer = try KafkaProducer(configuration: TestBroker.producerConfiguration())
        for (id, type) in [("IMO7000001", "tanker"), ("IMO7000002", "bulk")] {
            for topic in [pipeline.topics.predictions, pipeline.topics.features] {
                let value = #"{"vessel_id":"\#(id)","vessel_type":"\#(type)","ts":"2026-11-29T12:00:00Z"}"#
                try await producer.sendAwaitingRoom(ProducerRecord(topic: topic, key: Array(id.utf8), value: Array(value.utf8)))
            }
        }
        try await producer.flush()
        await producer.close()

        try await CacheRun.withCache(pipeline) { stores in
            let routes = CacheRoutes(stores: stores)
            let ports = AsyncStream<Int>.makeStream()
            let endpoint = OperationsEndpoint(registry: PrometheusCollectorRegistry(), cache: routes, host: "127.0.0.1", port: 0,
                                              logger: Logger(label: "test.fast")) { ports.continuation.yield($0) }
            let server = Task { try await endpoint.run() }
            defer { server.cancel() }
            var iterator = ports.stream.makeAsyncIterator()
            let port = try #require(await iterator.next())
            let etag = try #require(stores.fleet.vessel("IMO7000001")?.prediction?.etag)

            let requests = [
                "GET /v1/vessels/IMO7000001/prediction HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /v1/vessels/IMO7000002/features HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /v1/vessels/IMO7000001/prediction HTTP/1.1\r\nHost: x\r\nIf-None-Match: \(etag)\r\n\r\n",
                "GET /v1/vessels/NOPE/prediction HTTP/1.1\r\nHost: x\r\n\r\n",
            ]
            // One request at a time: what the fast path answers...
            var fast: [String] = []
            for request in requests {
                let client = try LoopbackHTTPClient(port: port, request: request)
                #expect(await client.read { Self.responses($0).count == 1 && ($0.contains("\r\n\r\n{") || $0.contains(" 304 ")) })
                fast += Self.responses(client.received)
            }
            // ...equals what the router alone answers (HummingbirdTesting has no channel handlers).
            let routed = try await Application(router: OperationsEndpoint.router(registry: PrometheusCollectorRegistry(), cache: routes))
                .test(.router) { client in
                    var answers: [String] = []
                    for request in requests {
                        let lines = request.split(separator: "\r\n")
                        let path = String(lines[0].split(separator: " ")[1])
                        var headers = HTTPFields()
                        if let tag = lines.first(where: { $0.hasPrefix("If-None-Match: ") }) {
                            headers[.ifNoneMatch] = String(tag.dropFirst("If-None-Match: ".count))
                        }
                        answers.append(try await client.execute(uri: path, method: .get, headers: headers) { response in
                            "\(response.status.code) \(response.headers[.eTag] ?? "-") \(response.headers[HTTPField.Name("Leeway-Freshness")!] ?? "-") \(String(buffer: response.body))"
                        })
                    }
                    return answers
                }
            try #require(fast.count == 4 && routed.count == 4, "\(fast)")
            #expect(fast[0].hasPrefix("200 OK") && fast[1].hasPrefix("200 OK") && fast[2].hasPrefix("304 Not Modified"))
            #expect(fast[3].hasPrefix("404 Not Found") && fast[3].contains("problem+json"), "the router answers what the fast path cannot")
            for (index, answer) in routed.enumerated() {
                let parts = answer.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
                #expect(fast[index].hasPrefix(parts[0]))
                if parts[1] != "-" { #expect(fast[index].lowercased().contains("etag: \(parts[1])".lowercased())) }
                if parts[2] != "-" { #expect(fast[index].lowercased().contains("leeway-freshness: \(parts[2])")) }
                #expect(fast[index].hasSuffix(parts[3]), "body of \(requests[index].prefix(50))")
            }
            #expect(fast[0].contains("\nContent-Length: ") || fast[0].lowercased().contains("\ncontent-length: "))

            // Pipelined: a router request first, then fast ones; answers come back in order.
            let mixed = try LoopbackHTTPClient(port: port, request: "GET /v1/status HTTP/1.1\r\nHost: x\r\n\r\n" + requests[0] + requests[3] + requests[1])
            #expect(await mixed.read { Self.responses($0).count == 4 && $0.hasSuffix("}") })
            let order = Self.responses(mixed.received)
            try #require(order.count == 4, "\(mixed.received)")
            #expect(order.first?.contains("\"ready\":true") == true)
            #expect(order.dropFirst().first?.contains("\"vessel_id\":\"IMO7000001\"") == true)
            #expect(order.dropFirst(2).first?.hasPrefix("404") == true)
            #expect(order.last?.contains("\"vessel_id\":\"IMO7000002\"") == true)
            #expect(order.first?.contains("\"fast_path_answers\":3") == true, "200, 200 and 304 from the fast path; the 404 from the router")
        }
    }
}
