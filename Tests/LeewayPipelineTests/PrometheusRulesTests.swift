import Foundation
import Testing

/// `deploy/prometheus/alerts.yml` loaded by a real Prometheus 2.42 scraping a running
/// processor and a running cache: the lag rules fire under an injected lag and clear once
/// it is gone. Only their thresholds and `for:` durations are scaled down (a test cannot
/// build 100,000 records of lag for 5 minutes); the expressions, metric names and labels are
/// the shipped ones. `promtool test rules` (in `make lint`) covers the durations.
@Suite("Prometheus rules against running processes", .timeLimit(.minutes(5)))
struct PrometheusRulesTests {
    static let rulesFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("deploy/prometheus/alerts.yml")

    /// The shipped rules with every `for:` at 0 and the two lag thresholds at 1,000 records.
    static func scaledRules() throws -> String {
        var rules = try String(contentsOf: rulesFile, encoding: .utf8)
        for (shipped, scaled) in [("(kafka_consumer_lag{job=\"leeway-processor\"}) > 100000", "(kafka_consumer_lag{job=\"leeway-processor\"}) > 1000"),
                                  ("(leeway_cache_lag_records) > 10000", "(leeway_cache_lag_records) > 1000")] {
            guard rules.contains(shipped) else {
                throw POSIXError(.EINVAL, userInfo: [NSLocalizedDescriptionKey: "alerts.yml no longer has `\(shipped)`: update this test"])
            }
            rules = rules.replacingOccurrences(of: shipped, with: scaled)
        }
        return rules.replacing(/for: \d+[smh]/, with: "for: 0s")
    }

    /// Whether `alert` fired at some evaluation in the last 10 minutes (Prometheus records
    /// every evaluation in its `ALERTS` series, so a short firing is not missed).
    static func fired(_ prometheus: PrometheusProcess, _ alert: String) async throws -> Bool {
        try await !(prometheus.query("max_over_time(ALERTS{alertname=\"\(alert)\",alertstate=\"firing\"}[10m])").isEmpty)
    }

    /// Polls `condition` every 250 ms for up to `timeout`.
    static func eventually(_ timeout: Duration, _ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(250))
        }
        return try await condition()
    }

    @Test("the processor-lag rule fires while the processor works off a burst and clears after; the cache-lag rule fires while a paused cache catches up and clears after")
    func lagRulesFireAndClear() async throws {
        let pipeline = try await PipelineFixture.make("prometheus", partitions: 2)
        try await pipeline.produce(FleetRecords(vessels: 20, count: 200, seed: 4).records)
        let processor = try ProcessorProcess(pipeline, name: "processor", arguments: ["--kafka-property", "statistics.interval.ms=250"])
        defer { processor.kill() }
        let cache = try ProcessorProcess(pipeline, name: "cache", role: "cache")
        defer { cache.kill() }
        try await processor.waitUntilAssigned()
        try await cache.waitForLog("cache caught up; ready")
        try await pipeline.waitUntilCommitted()

        let prometheus = try PrometheusProcess(directory: try pipeline.scratchDirectory("prometheus"), rules: try Self.scaledRules(), jobs: [
            ("leeway-processor", [try await processor.metricsPort()]), ("leeway-cache", [try await cache.metricsPort()]),
        ])
        do {
            try await prometheus.waitUntilReady()
            let loaded = try await prometheus.query("count(ALERTS) or vector(0)")
            #expect(!loaded.isEmpty, "the rules file loads")
            #expect(try await Self.eventually(.seconds(30)) {
                let up = try await prometheus.query("up{job=~\"leeway-.*\"} == 1").count
                let lag = try await prometheus.query("kafka_consumer_lag{job=\"leeway-processor\"}").count
                return up == 2 && lag > 0
            }, "both targets scraped, the processor's lag among its series: \(prometheus.log.suffix(2000))")
            let firedBefore = (try await Self.fired(prometheus, "LeewayProcessorLagging"), try await Self.fired(prometheus, "LeewayCacheLagging"))
            #expect(!firedBefore.0 && !firedBefore.1, "no lag before the fault")

            // The fault: a burst far faster than a debug-build processor works, while the
            // cache is frozen (SIGSTOP) and so falls behind the processor's outputs.
            kill(cache.process.processIdentifier, SIGSTOP)
            try await pipeline.produce(FleetRecords(vessels: 50, count: 30_000, seed: 5).records)
            #expect(try await Self.eventually(.seconds(60)) { try await Self.fired(prometheus, "LeewayProcessorLagging") },
                    "LeewayProcessorLagging fired during the burst")
            try await pipeline.waitUntilCommitted()
            #expect(try await Self.eventually(.seconds(30)) { try await !(prometheus.firing().contains("LeewayProcessorLagging")) },
                    "and cleared once the processor caught up")
            let cacheFiredFrozen = try await Self.fired(prometheus, "LeewayCacheLagging")
            #expect(!cacheFiredFrozen, "a frozen cache reports nothing")

            kill(cache.process.processIdentifier, SIGCONT)
            #expect(try await Self.eventually(.seconds(60)) { try await Self.fired(prometheus, "LeewayCacheLagging") },
                    "LeewayCacheLagging fired while the cache caught up")
            #expect(try await Self.eventually(.seconds(60)) { try await !(prometheus.firing().contains("LeewayCacheLagging")) },
                    "and cleared once it had")
            let cacheLag = try await prometheus.query("sum(leeway_cache_lag_records)").first?.value
            #expect(cacheLag == 0)
        } catch {
            await prometheus.stop()
            throw error
        }
        await prometheus.stop()
    }
}
