import Foundation
import Kafka
import KafkaTestSupport
import LeewayCore
import LeewayPipeline
import LeewayServer
import Testing

/// A cache instance in this process over a pipeline's topics: its feed runs in a task until
/// the body returns.
enum CacheRun {
    static func client() -> KafkaClientConfiguration {
        var client = KafkaClientConfiguration(bootstrapServers: TestBroker.servers)
        client.statisticsInterval = nil
        return client
    }

    /// Starts a feed into fresh stores, waits until it is ready, runs `body`, stops the feed.
    static func withCache<T>(_ pipeline: PipelineFixture, _ body: (CacheFeed.Stores) async throws -> T) async throws -> T {
        let stores = CacheFeed.Stores()
        let feed = CacheFeed(client: client(), topics: pipeline.topics, stores: stores)
        let task = Task { try await feed.run() }
        defer { task.cancel() }
        let deadline = ContinuousClock.now.advanced(by: .seconds(60))
        while !stores.progress.isReady {
            guard ContinuousClock.now < deadline else { throw CacheNotReady(problem: stores.progress.problem) }
            try await Task.sleep(for: .milliseconds(50))
        }
        let result = try await body(stores)
        task.cancel()
        _ = await task.result
        return result
    }

    struct CacheNotReady: Error { var problem: String? }

    /// The newest record per key of `topic`.
    static func latest(_ pipeline: PipelineFixture, _ topic: String) async throws -> [String: ConsumerRecord] {
        var latest: [String: ConsumerRecord] = [:]
        for record in try await pipeline.readAll(topic) { latest[String(decoding: record.key ?? [], as: UTF8.self)] = record }
        return latest
    }

    /// Publishes alert records to the pipeline's alert topic, keyed by alert id.
    static func publish(_ alerts: [DriftAlert], to pipeline: PipelineFixture) async throws {
        try await send(alerts.map { (Array($0.id.utf8), $0.json) }, to: pipeline)
    }

    /// Tombstones alerts `ids` on the pipeline's alert topic, as the processor withdraws the
    /// alerts of a vessel it forgot.
    static func withdraw(_ ids: [String], from pipeline: PipelineFixture) async throws {
        try await send(ids.map { (Array($0.utf8), nil) }, to: pipeline)
    }

    private static func send(_ records: [(key: [UInt8], value: [UInt8]?)], to pipeline: PipelineFixture) async throws {
        let producer = try KafkaProducer(configuration: TestBroker.producerConfiguration())
        for record in records {
            try await producer.sendAwaitingRoom(ProducerRecord(topic: pipeline.topics.alerts, key: record.key, value: record.value))
        }
        try await producer.flush()
        await producer.close()
    }

    /// A fuel-residual alert of `vessel`, firing or resolved.
    static func alert(_ vessel: String, resolved: Bool = false, type: VesselType = .tanker,
                      severity: AlertSeverity = .critical) -> DriftAlert {
        let labels = DriftAlert.Labels(alertname: "FuelResidualDrift", severity: severity, vesselType: type, vesselID: vessel,
                                       model: "\(type.rawValue)-physics-baseline", modelVersion: 0, feature: "fuel_rate_tph",
                                       detector: "page_hinkley")
        let annotations = DriftAlert.Annotations(summary: "fuel 12 % above the model for 3 h", statistic: 3.4, threshold: 3, window: "1h",
                                                 referencePeriod: "first 6 h at sea", runbookURL: "docs/runbooks/fuel-residual-drift.md",
                                                 reportURL: nil)
        let start = EventTime(seconds: 1_796_025_600)
        return DriftAlert(labels: labels, annotations: annotations, startsAt: start,
                          endsAt: resolved ? EventTime(seconds: 1_796_029_200) : nil, status: resolved ? .resolved : .firing)
    }
}
