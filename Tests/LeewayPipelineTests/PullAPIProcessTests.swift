import BrowserTestSupport
import LeewayTopics
import Foundation
import ProcessTestSupport
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Hummingbird
import Kafka
import KafkaTestSupport
import LeewayCore
import LeewayPipeline
import LeewayServer
import Prometheus
import Testing

/// `openapi.yaml` describes the routes the binary serves, exactly.
@Suite("openapi.yaml")
struct OpenAPIDocumentTests {
    static let document = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("openapi.yaml")

    /// "METHOD /path/{param}" for every operation in the document (its `paths:` block).
    static func documented() throws -> Set<String> {
        let text = try String(contentsOf: document, encoding: .utf8)
        var operations = Set<String>(), path: String?, inPaths = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "paths:" { inPaths = true; continue }
            if inPaths, !line.hasPrefix(" "), !line.isEmpty { break }
            if line.hasPrefix("  /"), line.hasSuffix(":") { path = String(line.dropFirst(2).dropLast()) }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("    "), !line.hasPrefix("     "), ["get:", "post:", "put:", "delete:", "patch:"].contains(trimmed), let path {
                operations.insert("\(trimmed.dropLast().uppercased()) \(path)")
            }
        }
        return operations
    }

    @Test("every route the cache role serves is documented, and every documented operation is routed")
    func documentMatchesRoutes() throws {
        let client = CacheRun.client()
        let router = OperationsEndpoint.router(registry: PrometheusCollectorRegistry(),
                                               models: ModelRoutes(registry: ModelRegistry(client: client), token: nil),
                                               cache: CacheRoutes(stores: CacheFeed.Stores()))
        let routed = Set(router.routes.map { route in
            let path = route.path.components.map { component in
                let text = "\(component)"
                return text.hasPrefix(":") ? "{\(text.dropFirst())}" : text
            }.joined(separator: "/")
            return "\(route.method) /\(path)"
        })
        let documented = try Self.documented()
        #expect(documented.count >= 17)
        #expect(routed.subtracting(documented).isEmpty, "routed but not in openapi.yaml: \(routed.subtracting(documented).sorted())")
        #expect(documented.subtracting(routed).isEmpty, "in openapi.yaml but not routed: \(documented.subtracting(routed).sorted())")
    }
}

/// The real binary with `--role all`: fuzzed from `openapi.yaml` by schemathesis, and its
/// dashboard rendered in headless Chromium.
@Suite("leeway run --role all: fuzzing and the dashboard", .serialized)
struct PullAPIProcessTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func get(_ url: URL) async throws -> (Int, String) {
        let (data, response) = try await URLSession.shared.data(from: url)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test("schemathesis finds no server error and no schema violation; the dashboard shows live data without console errors")
    func fuzzAndDashboard() async throws {
        let pipeline = try await PipelineFixture.make("pull", partitions: 2)
        try await pipeline.produce(FleetRecords(vessels: 12, count: 1_200, seed: 9).records)
        try await CacheRun.publish([CacheRun.alert("IMO9100003")], to: pipeline)
        let leeway = try ProcessorProcess(pipeline, name: "all", role: "all")
        defer { leeway.kill() }
        try await leeway.waitForLog("cache caught up; ready")
        try await pipeline.waitUntilCommitted()
        let port = try await leeway.metricsPort()
        let base = URL(string: "http://127.0.0.1:\(port)")!
        // The cache follows what the processor publishes after it caught up.
        let deadline = ContinuousClock.now.advanced(by: .seconds(30))
        while try await Self.get(base.appendingPathComponent("v1/status")).1.contains("\"vessels\":12") == false {
            guard ContinuousClock.now < deadline else { Issue.record("the cache never held 12 vessels"); return }
            try await Task.sleep(for: .milliseconds(200))
        }

        let metrics = try await Self.get(base.appendingPathComponent("metrics")).1
        #expect(metrics.contains("leeway_cache_lag_records{topic=\"\(pipeline.topics.predictions)\"}"), "consumer lag in /metrics")
        #expect(metrics.contains("leeway_cache_ready 1"))

        let fuzzer = Self.root.appendingPathComponent(".deps/schemathesis/bin/st")
        try #require(FileManager.default.isExecutableFile(atPath: fuzzer.path), "schemathesis is missing: run `make deps`")
        // Its working directory gets a `.schemathesis` cache: keep that out of the repository.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("leeway-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let arguments = ["run", Self.root.appendingPathComponent("openapi.yaml").path, "--url", base.absoluteString, "--exclude-path", "/v1/alerts/stream",
                         "--checks", "all", "--exclude-checks", "positive_data_acceptance", "--max-examples", "40",
                         "--generation-deterministic", "--no-color"]
        let (status, report) = try await ChildProcess.run(fuzzer, arguments, directory: scratch)
        #expect(status == 0, "schemathesis:\n\(report.suffix(6000))")
        #expect(!report.contains("Server error"), "\(report.suffix(3000))")
        #expect(try await Self.get(base.appendingPathComponent("healthz")).0 == 200, "still alive after fuzzing")

        let (page, settled) = try HeadlessChromium.render(url: base, until: """
            document.querySelectorAll("#fleet tr").length === 12 && document.querySelector(".alert") !== null
              && document.getElementById("t-rate").textContent !== "–"
            """)
        #expect(settled, "the page never showed 12 vessels, the alert and a rate: \(page.dom.prefix(3000))")
        #expect(page.console.isEmpty, "console: \(page.console)")
        #expect(page.dom.contains("id=\"t-ready\" class=\"fresh\">ready"), "\(page.dom.prefix(3000))")
        #expect(page.dom.contains("id=\"t-vessels\">12<"))
        #expect(page.dom.components(separatedBy: "<td>IMO91").count - 1 == 12, "one row per vessel")
        #expect(page.dom.contains("FuelResidualDrift · IMO9100003 · critical"), "the firing alert, from the event stream")
        #expect(page.dom.contains("alerts stream: live"))
        #expect(page.inkFraction > 0.05, "a drawn page, not a blank one: \(page.inkFraction)")
        #expect(await leeway.stop() == 0)
    }
}
