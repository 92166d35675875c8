import Foundation
import LeewayTopics
import Kafka
import LeewayPipeline
import LeewayServer
import LeewaySimulator
import Logging
import Prometheus

/// The pull API under wrk: a cache instance in this process holds the latest predictions of
/// 1,000 vessels (made by the real processor from simulated telemetry), wrk in another
/// process asks for them round-robin over loopback.
struct PullThroughput {
    let options: Options
    let vessels = 1_000

    struct Result {
        var requestsPerSecond: Double
        var p50: String
        var p99: String
        var requests: Int
        var errors: String
        var command: String
    }

    /// Leeway's rows, then FastAPI's for the same requests when its venv is installed.
    func run() async throws -> [(name: String, result: Result, baseline: Result?)] {
        let prefix = "bench-pull-\(UInt32.random(in: 0...UInt32.max))."
        let topics = TopicNames(prefix: prefix)
        let client = KafkaClientConfiguration(bootstrapServers: [options.brokers])
        let admin = try KafkaAdmin(configuration: client)
        for name in topics.all { try await makeTopic(admin, name, partitions: name == topics.models ? 1 : 6) }
        admin.close()
        try await produceFleet(topics.telemetry)

        let stores = CacheFeed.Stores()
        var quiet = client
        quiet.statisticsInterval = nil
        let feed = Task { try await CacheFeed(client: quiet, topics: topics, stores: stores).run() }
        defer { feed.cancel() }
        let configuration = options.processor(topics: topics, group: prefix + "processors", kafkaProperties: false)
        let processor = Processor(configuration: configuration, logger: Logger(label: "bench"))
        let processing = Task { try await processor.run() }
        guard try await waitUntil(timeout: .seconds(180), {
            stores.fleet.page(type: nil, after: nil, limit: vessels).vessels.count(where: { $0.vessel.prediction != nil }) >= vessels
        }) else { throw BenchError("the cache never held \(vessels) predictions") }
        processing.cancel()
        _ = await processing.result

        let (portStream, portContinuation) = AsyncStream<Int>.makeStream()
        let endpoint = OperationsEndpoint(registry: PrometheusCollectorRegistry(), cache: CacheRoutes(stores: stores),
                                          host: "127.0.0.1", port: 0, logger: Logger(label: "bench.http")) { port in
            portContinuation.yield(port)
        }
        let server = Task { try await endpoint.run() }
        defer { server.cancel() }
        var ports = portStream.makeAsyncIterator()
        guard let port = await ports.next() else { throw BenchError("the HTTP endpoint did not start") }

        let records = stores.fleet.page(type: nil, after: nil, limit: vessels).vessels.compactMap { entry in
            entry.vessel.prediction.map { (id: entry.id, record: $0) }
        }
        let ids = records.map(\.id), etags = records.map(\.record.etag)
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("leeway-pull-\(UUID().uuidString).lua")
        defer { try? FileManager.default.removeItem(at: script) }
        let fastAPI = FastAPICache.isInstalled ? try await FastAPICache(records: records) : nil
        defer { fastAPI?.stop() }
        func measure(_ url: String) throws -> Result {
            _ = try wrk(["-t2", "-c64", "-d3s", "-s", script.path, url])  // warm-up
            let command = "wrk -t2 -c64 -d10s --latency -s <round-robin over \(vessels) vessels> \(url)"
            return try parse(try wrk(["-t2", "-c64", "-d10s", "--latency", "-s", script.path, url]), command: command)
        }
        var rows: [(String, Result, Result?)] = []
        for (name, revalidate) in [("GET prediction (200, body)", false), ("GET prediction with If-None-Match (304)", true)] {
            try Self.luaScript(ids: ids, etags: revalidate ? etags : nil).write(to: script, atomically: true, encoding: .utf8)
            let leeway = try measure("http://127.0.0.1:\(port)")
            rows.append((name, leeway, try fastAPI.map { try measure($0.url) }))
        }
        return rows
    }

    /// A wrk script asking for each vessel's prediction in turn (optionally revalidating).
    static func luaScript(ids: [String], etags: [String]?) -> String {
        let list = ids.map { "\"\($0)\"" }.joined(separator: ",")
        let tags = (etags ?? []).map { "'\($0)'" }.joined(separator: ",")
        return """
            local ids = {\(list)}
            local tags = {\(tags)}
            local n = 0
            request = function()
              n = n + 1
              local i = (n % #ids) + 1
              local headers = {}
              if #tags > 0 then headers["If-None-Match"] = tags[i] end
              return wrk.format("GET", "/v1/vessels/" .. ids[i] .. "/prediction", headers)
            end
            """
    }

    private func wrk(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/wrk")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchError("wrk failed: \(output)") }
        return output
    }

    private func parse(_ output: String, command: String) throws -> Result {
        func field(_ prefix: String) -> String? {
            output.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(prefix) }
                .map { $0.trimmingCharacters(in: .whitespaces).dropFirst(prefix.count).trimmingCharacters(in: .whitespaces) }
        }
        guard let rate = field("Requests/sec:").flatMap(Double.init), let p50 = field("50%"), let p99 = field("99%") else {
            throw BenchError("unexpected wrk output: \(output)")
        }
        let requests = output.split(separator: "\n").first { $0.contains("requests in") }
            .flatMap { Int($0.trimmingCharacters(in: .whitespaces).prefix { $0.isNumber }) } ?? 0
        let errors = [field("Non-2xx or 3xx responses:").map { "\($0) non-2xx/3xx" }, field("Socket errors:")].compactMap { $0 }
        return Result(requestsPerSecond: rate, p50: p50, p99: p99, requests: requests,
                      errors: errors.isEmpty ? "0" : errors.joined(separator: "; "), command: command)
    }

    private func produceFleet(_ topic: String) async throws {
        var configuration = KafkaProducerConfiguration(bootstrapServers: [options.brokers])
        configuration.client.statisticsInterval = nil
        let producer = try KafkaProducer(configuration: configuration)
        var simulation = FleetSimulator.Configuration()
        simulation.vessels = vessels
        var fleet = FleetSimulator(simulation)
        for _ in 0..<(vessels * 3) {
            let record = fleet.next()
            try await producer.sendAwaitingRoom(ProducerRecord(topic: topic, key: record.key, value: record.value))
        }
        try await producer.flush(timeout: .seconds(120))
        await producer.close()
    }
}
