import Foundation
import LeewayTopics
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Kafka
import KafkaTestSupport
import LeewayCore
import LeewayModels
import LeewayPipeline
@testable import LeewayServer
import Logging
import Prometheus
import Testing

@Suite("Pull API over a cache instance", .serialized)
struct CacheRoutesTests {
    static func json(_ buffer: ByteBuffer) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: buffer))) as? [String: Any] ?? [:]
    }

    /// A registry record whose approved version is an onnx model.
    static func onnxRecord() -> RegistryRecord {
        var record = RegistryRecord(vesselType: .tanker)
        record.versions.append(ModelArtifact(
            name: "tanker-onnx", vesselType: .tanker, version: 1, kind: "onnx", features: [], inputs: ["stw_kn"],
            targets: [TargetEquation(name: "fuel_rate_tph", unit: "t/h", residualStd: 0.1, relativeResidualStd: 0.03)],
            assumedDraftM: 15, training: TrainingWindow(source: "test", from: "", to: "", holdoutFrom: "", records: 0, holdoutRecords: 0, vessels: 0),
            metrics: [], references: [:], checks: [], status: .approved, createdAt: "2026-12-02T00:00:00Z", contentHash: ""))
        return record
    }

    static func router(_ stores: CacheFeed.Stores) -> Router<BasicRequestContext> {
        OperationsEndpoint.router(registry: PrometheusCollectorRegistry(), cache: CacheRoutes(stores: stores))
    }

    /// Everything one cache instance answers, response by response (status, ETag, body).
    static func snapshot(_ stores: CacheFeed.Stores, vessels: [String]) async throws -> [String] {
        try await Application(router: router(stores)).test(.router) { client in
            var answers: [String] = []
            var uris = vessels.flatMap { ["/v1/vessels/\($0)/prediction", "/v1/vessels/\($0)/features", "/v1/vessels/\($0)/fuel-curve"] }
            uris += ["/v1/vessels?limit=1000", "/v1/alerts?status=all"]
            for uri in uris {
                // Ages move on between instances; everything else must match.
                answers.append(try await client.execute(uri: uri, method: .get) { response in
                    "\(uri) \(response.status.code) \(response.headers[.eTag] ?? "-") "
                        + String(buffer: response.body).replacing(/age_s":[0-9]+/, with: "age_s\":_")
                })
            }
            return answers
        }
    }

    @Test("serves what the processor published, every route and its errors; a restarted instance answers the same")
    func servesPublishedRecords() async throws {
        let pipeline = try await PipelineFixture.make("cache", partitions: 2)
        let fleet = FleetRecords(vessels: 8, count: 800, seed: 5)
        try await pipeline.produce(fleet.records)
        try await ProcessorRun.inProcess(pipeline) { try await pipeline.waitUntilCommitted() }
        let predictions = try await CacheRun.latest(pipeline, pipeline.topics.predictions)
        let features = try await CacheRun.latest(pipeline, pipeline.topics.features)
        let ids = predictions.keys.sorted()
        #expect(ids.count == 8)
        let tanker = try #require(ids.first { id in
            (try? JSONSerialization.jsonObject(with: Data(predictions[id]?.value ?? [])) as? [String: Any])?["vessel_type"] as? String == "tanker"
        })
        let (a, b, c) = (ids[0], ids[1], ids[2])
        try await CacheRun.publish([CacheRun.alert(a), CacheRun.alert(b), CacheRun.alert(b, resolved: true),
                                    CacheRun.alert(c, type: .container)], to: pipeline)

        let first = try await CacheRun.withCache(pipeline) { stores in
            #expect(stores.fleet.count == 8)
            try await Application(router: Self.router(stores)).test(.router) { client in
                for id in ids {
                    let stored = try #require(predictions[id])
                    let etag = try await client.execute(uri: "/v1/vessels/\(id)/prediction", method: .get) { response in
                        #expect(response.status == .ok)
                        #expect(Array(buffer: response.body) == stored.value, "the stored bytes, as published")
                        #expect(response.headers[.eTag] == "\"\(stored.partition)-\(stored.offset)\"")
                        #expect(Freshness(rawValue: response.headers[HTTPField.Name("Leeway-Freshness")!] ?? "") != nil)
                        #expect(Int(response.headers[HTTPField.Name("Leeway-Age")!] ?? "") != nil)
                        #expect(response.headers[.cacheControl] != nil)
                        return response.headers[.eTag] ?? ""
                    }
                    try await client.execute(uri: "/v1/vessels/\(id)/prediction", method: .get, headers: [.ifNoneMatch: etag]) { response in
                        #expect(response.status == .notModified)
                        #expect(response.body.readableBytes == 0)
                    }
                    try await client.execute(uri: "/v1/vessels/\(id)/prediction", method: .get, headers: [.ifNoneMatch: "\"0-0\""]) { response in
                        #expect(response.status == .ok)
                    }
                    try await client.execute(uri: "/v1/vessels/\(id)/features", method: .get) { response in
                        #expect(response.status == .ok)
                        #expect(Array(buffer: response.body) == features[id]?.value)
                    }
                }
                // Paging: every vessel once, in id order, whatever the page size.
                var listed: [String] = [], cursor: String?
                repeat {
                    let uri = "/v1/vessels?limit=3" + (cursor.map { "&cursor=\($0)" } ?? "")
                    let (rows, next) = try await client.execute(uri: uri, method: .get) { response in
                        #expect(response.status == .ok)
                        let page = Self.json(response.body)
                        let rows = page["vessels"] as? [[String: Any]] ?? []
                        #expect(rows.allSatisfy { ($0["prediction"] as? [String: Any])?["vessel_id"] as? String == $0["vessel_id"] as? String })
                        return (rows.compactMap { $0["vessel_id"] as? String }, page["next_cursor"] as? String)
                    }
                    #expect(rows.count <= 3)
                    listed += rows
                    cursor = next
                } while cursor != nil
                #expect(listed == ids)
                let tankers = ids.filter { id in
                    (try? JSONSerialization.jsonObject(with: Data(predictions[id]?.value ?? [])) as? [String: Any])?["vessel_type"] as? String == "tanker"
                }
                try await client.execute(uri: "/v1/vessels?type=tanker", method: .get) { response in
                    let rows = Self.json(response.body)["vessels"] as? [[String: Any]] ?? []
                    #expect(rows.compactMap { $0["vessel_id"] as? String } == tankers)
                }
                // What-if curve: fuel rises with speed; the conditions say where the draught came from.
                try await client.execute(uri: "/v1/vessels/\(tanker)/fuel-curve?from=8&to=14&step=2", method: .get) { response in
                    #expect(response.status == .ok)
                    let body = Self.json(response.body)
                    let points = body["points"] as? [[String: Any]] ?? []
                    #expect(points.compactMap { $0["stw_kn"] as? Double } == [8, 10, 12, 14])
                    let fuel = points.compactMap { $0["fuel_rate_tph"] as? Double }
                    #expect(fuel.count == 4 && zip(fuel, fuel.dropFirst()).allSatisfy { $0 < $1 })
                    #expect((body["conditions"] as? [String: Any])?["draft_from"] as? String == "features")
                }
                try await client.execute(uri: "/v1/vessels/\(tanker)/fuel-curve?from=10&to=10&draft=9.5", method: .get) { response in
                    let body = Self.json(response.body)
                    #expect((body["points"] as? [Any])?.count == 1)
                    #expect((body["conditions"] as? [String: Any])?["draft_m"] as? Double == 9.5)
                }
                // A type served by an onnx model: only processors run it, and the cache says so.
                stores.models.apply(key: Array("tanker".utf8), value: Self.onnxRecord().encoded())
                #expect(stores.models.servedElsewhere(.tanker)?.kind == "onnx")
                try await client.execute(uri: "/v1/vessels/\(tanker)/fuel-curve", method: .get) { response in
                    #expect(response.status == .conflict)
                    #expect(String(buffer: response.body).contains("tanker-onnx v1, an onnx model that only processors run"))
                }
                stores.models.apply(key: Array("tanker".utf8), value: nil)
                #expect(stores.models.servedElsewhere(.tanker) == nil)
                // Alerts: the latest state of each id.
                for (query, expected) in [("", [a, c]), ("?status=resolved", [b]), ("?status=all", [a, b, c]), ("?type=container", [c])] {
                    try await client.execute(uri: "/v1/alerts\(query)", method: .get) { response in
                        let alerts = Self.json(response.body)["alerts"] as? [[String: Any]] ?? []
                        let vessels = alerts.compactMap { ($0["labels"] as? [String: Any])?["vessel_id"] as? String }
                        #expect(vessels.sorted() == expected.sorted(), "alerts\(query)")
                    }
                }
                try await client.execute(uri: "/v1/status", method: .get) { response in
                    let status = Self.json(response.body)
                    #expect(status["ready"] as? Bool == true)
                    #expect(status["vessels"] as? Int == 8)
                    #expect(status["alerts_firing"] as? Int == 2)
                    #expect((status["records"] as? [String: Int])?[pipeline.topics.alerts] == 4)
                }
                try await client.execute(uri: "/readyz", method: .get) { #expect($0.status == .ok) }
                try await client.execute(uri: "/v1/features/catalogue", method: .get) { response in
                    let body = Self.json(response.body)
                    #expect(body["version"] as? String == FeatureCatalogue.version)
                    let inputs = body["inputs"] as? [[String: Any]] ?? []
                    #expect(inputs.compactMap { $0["name"] as? String } == ModelInput.ordered.map(\.rawValue))
                    #expect(inputs.first { $0["name"] as? String == "ewma_fuel_rate_tph" }?["reads_measured_targets"] as? Bool == true)
                    #expect(inputs.first { $0["name"] as? String == "draft_m" }?["source"] as? String == "report")
                }
                try await client.execute(uri: "/", method: .get) { response in
                    #expect(response.status == .ok && response.headers[.contentType]?.hasPrefix("text/html") == true)
                    #expect(String(buffer: response.body).contains("EventSource(\"/v1/alerts/stream\")"))
                }
                try await client.execute(uri: "/metrics", method: .get) { #expect($0.status == .ok) }

                // Every error: problem details naming what is wrong.
                let errors: [(String, HTTPRequest.Method, HTTPResponse.Status, String)] = [
                    ("/v1/vessels/NOPE-1/prediction", .get, .notFound, "no vessel \"NOPE-1\""),
                    ("/v1/vessels/NOPE-1/features", .get, .notFound, "no vessel"),
                    ("/v1/vessels/NOPE-1/fuel-curve", .get, .notFound, "no vessel"),
                    ("/v1/vessels/bad%20id!/prediction", .get, .badRequest, "parameter \"id\""),
                    ("/v1/vessels/\(String(repeating: "x", count: 65))/prediction", .get, .badRequest, "parameter \"id\""),
                    ("/v1/vessels?limit=0", .get, .badRequest, "parameter \"limit\""),
                    ("/v1/vessels?limit=1001", .get, .badRequest, "parameter \"limit\""),
                    ("/v1/vessels?limit=ten", .get, .badRequest, "parameter \"limit\""),
                    ("/v1/vessels?type=submarine", .get, .badRequest, "parameter \"type\""),
                    ("/v1/vessels?cursor=%22%3B", .get, .badRequest, "parameter \"cursor\""),
                    ("/v1/vessels/\(tanker)/fuel-curve?from=12&to=8", .get, .badRequest, "parameter \"from\""),
                    ("/v1/vessels/\(tanker)/fuel-curve?step=0", .get, .badRequest, "parameter \"step\""),
                    ("/v1/vessels/\(tanker)/fuel-curve?to=NaN", .get, .badRequest, "parameter \"to\""),
                    ("/v1/vessels/\(tanker)/fuel-curve?draft=99", .get, .badRequest, "parameter \"draft\""),
                    ("/v1/alerts?status=open", .get, .badRequest, "parameter \"status\""),
                    ("/v1/alerts?type=yacht", .get, .badRequest, "parameter \"type\""),
                    ("/v1/status", .delete, .methodNotAllowed, "answers GET"),
                    ("/v1/vessels/\(tanker)/prediction", .post, .methodNotAllowed, "answers GET"),
                    ("/v2/anything", .get, .notFound, "no route for /v2/anything"),
                ]
                for (uri, method, status, detail) in errors {
                    try await client.execute(uri: uri, method: method) { response in
                        #expect(response.status == status, "\(method) \(uri)")
                        #expect(response.headers[.contentType] == "application/problem+json", "\(method) \(uri)")
                        let problem = Self.json(response.body)
                        #expect(problem["status"] as? Int == Int(status.code))
                        #expect((problem["detail"] as? String)?.contains(detail) == true, "\(uri): \(problem["detail"] ?? "no detail")")
                    }
                }
            }
            return try await Self.snapshot(stores, vessels: ids)
        }
        // A new instance reads the same topics from the start: the same answers, byte for byte.
        let second = try await CacheRun.withCache(pipeline) { stores in try await Self.snapshot(stores, vessels: ids) }
        #expect(first.count == ids.count * 3 + 2)
        #expect(first.count == second.count)
        for (one, other) in zip(first, second) where one != other {
            Issue.record("the restarted cache answers differently:\n\(one.prefix(300))\n\(other.prefix(300))")
        }
        #expect(first.allSatisfy { $0.contains(" 200 ") })
    }

    @Test("until it has read every topic once, the cache answers 503 and /readyz says so")
    func warmingAnswers503() async throws {
        let stores = CacheFeed.Stores()
        try await Application(router: Self.router(stores)).test(.router) { client in
            for uri in ["/readyz", "/v1/vessels/IMO1/prediction", "/v1/vessels", "/v1/alerts", "/v1/vessels/IMO1/fuel-curve"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .serviceUnavailable, "\(uri)")
                    #expect(response.headers[.contentType] == "application/problem+json")
                }
            }
            try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/v1/status", method: .get) { #expect(Self.json($0.body)["ready"] as? Bool == false) }
        }
    }

    @Test("a missing topic keeps the cache unready and says which one")
    func missingTopicIsNamed() async throws {
        let stores = CacheFeed.Stores()
        let feed = CacheFeed(client: CacheRun.client(), topics: TopicNames(prefix: "absent-\(UUID().uuidString.prefix(6))."),
                             stores: stores, retryDelay: .milliseconds(200))
        let task = Task { try await feed.run() }
        defer { task.cancel() }
        let deadline = ContinuousClock.now.advanced(by: .seconds(20))
        while stores.progress.problem == nil, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(stores.progress.problem?.contains("fleet.predictions.v1") == true)
        #expect(stores.progress.problem?.contains("leeway topics apply") == true)
        #expect(!stores.progress.isReady)
        task.cancel()
        _ = await task.result
    }
}

@Suite("Alert stream (server-sent events)", .serialized)
struct AlertStreamTests {
    @Test("a subscriber gets the firing alerts, then each change as it lands; the stream ends at shutdown")
    func streamsChanges() async throws {
        let pipeline = try await PipelineFixture.make("sse", partitions: 1)
        try await CacheRun.publish([CacheRun.alert("IMO1000001"), CacheRun.alert("IMO1000002"),
                                    CacheRun.alert("IMO1000002", resolved: true)], to: pipeline)
        try await CacheRun.withCache(pipeline) { stores in
            let ports = AsyncStream<Int>.makeStream()
            let endpoint = OperationsEndpoint(registry: PrometheusCollectorRegistry(),
                                              cache: CacheRoutes(stores: stores, heartbeat: .milliseconds(300)),
                                              host: "127.0.0.1", port: 0, logger: Logger(label: "test.sse")) { port in
                ports.continuation.yield(port)
            }
            let server = Task { try await endpoint.run() }
            defer { server.cancel() }
            var iterator = ports.stream.makeAsyncIterator()
            let port = try #require(await iterator.next())
            let client = try LoopbackHTTPClient(port: port, path: "/v1/alerts/stream")
            // The firing alert now (not the resolved one), then a heartbeat comment.
            #expect(await client.read { $0.contains(": keep-alive") })
            #expect(client.received.hasPrefix("HTTP/1.1 200"))
            #expect(client.received.contains("content-type: text/event-stream") || client.received.contains("Content-Type: text/event-stream"))
            #expect(client.received.components(separatedBy: "event: alert\n").count - 1 == 1)
            #expect(client.received.contains("\"vessel_id\":\"IMO1000001\""))
            #expect(!client.received.contains("IMO1000002"))
            #expect(stores.alerts.subscriberCount == 1)

            // Changes arrive as the topic carries them.
            try await CacheRun.publish([CacheRun.alert("IMO1000003", type: .bulk)], to: pipeline)
            #expect(await client.read { $0.contains("\"vessel_id\":\"IMO1000003\"") })
            try await CacheRun.publish([CacheRun.alert("IMO1000003", resolved: true, type: .bulk)], to: pipeline)
            #expect(await client.read { $0.contains("\"status\":\"resolved\",\"labels\":{\"alertname\":\"FuelResidualDrift\",\"severity\":\"critical\",\"vessel_type\":\"bulk\"") })
            let events = client.received.components(separatedBy: "\n\n").filter { $0.contains("event: alert") }
            #expect(events.count == 3)
            #expect(events.allSatisfy { $0.contains("\nid: ") && $0.contains("\ndata: {") })

            // Shutdown closes the board: the stream ends and the server can stop.
            stores.alerts.close()
            #expect(await client.read { $0.hasSuffix("\r\n0\r\n\r\n") }, "the last chunk of the response")
            #expect(stores.alerts.subscriberCount == 0)
        }
    }
}
