import Foundation
import LeewayTopics
import Hummingbird
import HummingbirdTesting
import Kafka
import KafkaTestSupport
import LeewayCore
import LeewayModels
import LeewayPipeline
import LeewayServer
import LeewayTraining
import Testing

@Suite("Model registry over HTTP", .serialized)
struct ModelRoutesTests {
    static func json(_ buffer: ByteBuffer) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: buffer))) as? [String: Any] ?? [:]
    }

    @Test("list, artifact, report, approve with the token, and every error as problem JSON")
    func routes() async throws {
        let pipeline = try await PipelineFixture.make("routes", partitions: 1)
        let registry = ModelRegistry(client: KafkaClientConfiguration(bootstrapServers: TestBroker.servers), topic: pipeline.topics.models)
        let artifact = try TrainingSimulation.tankerArtifact()
        var broken = artifact
        broken.targets[0].coefficients = broken.targets[0].coefficients.map { -$0 }
        broken.contentHash = broken.computedContentHash
        broken.checks = PhysicsChecks(type: .tanker).run(try broken.servingModel(), metrics: broken.metrics)
        broken.contentHash = broken.computedContentHash
        try await registry.update(.tanker) { record in
            _ = try record.register(artifact, at: "2026-11-29T12:00:00Z")
            _ = try record.register(broken, at: "2026-11-29T12:01:00Z")
        }
        let router = Router()
        ModelRoutes(registry: registry, token: "s3cret").add(to: router)
        let closed = Router()
        ModelRoutes(registry: registry, token: nil).add(to: closed)

        try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/v1/models", method: .get) { response in
                #expect(response.status == .ok)
                let rows = Self.json(response.body)["models"] as? [[String: Any]] ?? []
                #expect(rows.map { "\($0["vessel_type"]!) v\($0["version"]!) \($0["status"]!)" } == ["tanker v1 pending", "tanker v2 rejected"])
            }
            try await client.execute(uri: "/v1/models/tanker/1", method: .get) { response in
                #expect(response.status == .ok)
                let served = try ModelArtifact.decode(Data(buffer: response.body))
                #expect(served.contentHash == artifact.contentHash)
            }
            try await client.execute(uri: "/v1/models/tanker/1/report", method: .get) { response in
                #expect(response.status == .ok && response.headers[.contentType]?.hasPrefix("text/html") == true)
                #expect(String(buffer: response.body).contains("tanker-linear-physics"))
            }
            // Errors: problem details with the offending value.
            struct Case {
                var uri: String, post: Bool = false, body: String? = nil, token: String? = nil
                var status: HTTPResponse.Status, detail: String
            }
            let approve = #"{"by":"ana"}"#
            let cases: [Case] = [
                Case(uri: "/v1/models/submarine", status: .notFound, detail: "unknown vessel type \"submarine\""),
                Case(uri: "/v1/models/bulk", status: .notFound, detail: "no model versions registered for vessel type bulk"),
                Case(uri: "/v1/models/tanker/0", status: .badRequest, detail: "version must be a positive integer"),
                Case(uri: "/v1/models/tanker/x/report", status: .badRequest, detail: "version must be a positive integer, got \"x\""),
                Case(uri: "/v1/models/tanker/9", status: .notFound, detail: "tanker has no model version 9"),
                Case(uri: "/v1/models/tanker/1/approve", post: true, body: approve, status: .unauthorized, detail: "Bearer"),
                Case(uri: "/v1/models/tanker/1/approve", post: true, body: approve, token: "wrong", status: .forbidden,
                     detail: "not the configured one"),
                Case(uri: "/v1/models/tanker/1/approve", post: true, body: "not json", token: "s3cret", status: .badRequest,
                     detail: "JSON object"),
                Case(uri: "/v1/models/tanker/1/approve", post: true, body: #"{"by":""}"#, token: "s3cret", status: .badRequest,
                     detail: "\"by\""),
                Case(uri: "/v1/models/tanker/1/reject", post: true, body: approve, token: "s3cret", status: .badRequest, detail: "reason"),
                Case(uri: "/v1/models/tanker/2/approve", post: true, body: approve, token: "s3cret", status: .conflict,
                     detail: "failed its physics checks"),
                Case(uri: "/v1/models/tanker/7/approve", post: true, body: approve, token: "s3cret", status: .notFound,
                     detail: "no model version 7"),
            ]
            for test in cases {
                let headers: HTTPFields = test.token.map { [.authorization: "Bearer \($0)"] } ?? [:]
                try await client.execute(uri: test.uri, method: test.post ? .post : .get, headers: headers,
                                         body: test.body.map { ByteBuffer(string: $0) }) { response in
                    #expect(response.status == test.status, "\(test.uri)")
                    #expect(response.headers[.contentType] == "application/problem+json", "\(test.uri)")
                    let problem = Self.json(response.body)
                    #expect((problem["status"] as? Int) == Int(test.status.code))
                    #expect((problem["detail"] as? String)?.contains(test.detail) == true, "\(test.uri): \(problem)")
                }
            }
            // The decision, recorded with the reviewer's name.
            try await client.execute(uri: "/v1/models/tanker/1/approve", method: .post, headers: [.authorization: "Bearer s3cret"],
                                     body: ByteBuffer(string: #"{"by":"Ana Ruiz","notes":"fits"}"#)) { response in
                #expect(response.status == .ok)
                #expect(Self.json(response.body)["status"] as? String == "approved")
            }
        }
        let record = try #require(try await registry.records()[.tanker])
        #expect(record.serving?.version == 1 && record.serving?.approvedBy == "Ana Ruiz")
        #expect(record.decisions.last.map { "\($0.version) \($0.status.rawValue) \($0.by) \($0.reason ?? "")" } == "1 approved Ana Ruiz fits")

        try await Application(router: closed).test(.router) { client in
            try await client.execute(uri: "/v1/models/tanker/1/reject", method: .post, headers: [.authorization: "Bearer s3cret"],
                                     body: ByteBuffer(string: #"{"by":"x","reason":"y"}"#)) { response in
                #expect(response.status == .forbidden)
                #expect((Self.json(response.body)["detail"] as? String)?.contains("--api-token") == true)
            }
        }
    }

    @Test("a decision the registry cannot write answers 503 saying it was not recorded, and the registry is unchanged")
    func failedWriteIsNotAReadError() async throws {
        let pipeline = try await PipelineFixture.make("routes-write", partitions: 1)
        let client = KafkaClientConfiguration(bootstrapServers: TestBroker.servers)
        let registry = ModelRegistry(client: client, topic: pipeline.topics.models)
        let artifact = try TrainingSimulation.tankerArtifact()
        try await registry.update(.tanker) { record in _ = try record.register(artifact, at: "2026-11-29T12:00:00Z") }
        // Reads work; every write is refused by the client (the record is far larger than 1,000 bytes).
        var small = client
        small.properties["message.max.bytes"] = "1000"
        let router = Router()
        ModelRoutes(registry: ModelRegistry(client: small, topic: pipeline.topics.models), token: "s3cret").add(to: router)
        try await Application(router: router).test(.router) { http in
            try await http.execute(uri: "/v1/models/tanker/1/approve", method: .post, headers: [.authorization: "Bearer s3cret"],
                                   body: ByteBuffer(string: #"{"by":"ana"}"#)) { response in
                #expect(response.status == .serviceUnavailable)
                let detail = Self.json(response.body)["detail"] as? String ?? ""
                #expect(detail.contains("not recorded") && detail.contains("could not be written"), "\(detail)")
                #expect(!detail.contains("cannot be read"))
            }
        }
        #expect(try await registry.records()[.tanker]?.artifact(1)?.status == .pending)
    }
}
