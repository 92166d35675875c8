import Foundation
import LeewayCore
import Kafka
import Metrics
import Synchronization

/// How far a cache instance has read: whether it has caught up with every topic once
/// (before that it is not ready), the records behind per topic, and records applied.
public final class CacheProgress: Sendable {
    private struct State {
        var caughtUpAfter: Double?
        var lag: [String: Int64] = [:]
        var applied: [String: Int] = [:]
        var rejected = 0
        var problem: String?
    }

    private let state = Mutex(State())
    /// `caughtUpAfter != nil`, readable without the lock (every fast-path request asks).
    private let ready = Atomic<Bool>(false)
    private let started = ContinuousClock.now

    /// Nothing read yet.
    public init() {}

    /// Whether every topic has been read to its end once.
    public var isReady: Bool { ready.load(ordering: .acquiring) }

    /// Seconds it took to catch up, once it has.
    public var caughtUpAfter: Double? { state.withLock { $0.caughtUpAfter } }

    /// Records still to read, per topic (as of the last report, about every second).
    public var lag: [String: Int64] { state.withLock { $0.lag } }

    /// Records applied since start, per topic.
    public var applied: [String: Int] { state.withLock { $0.applied } }

    /// Records that could not be applied (no key, not the expected record version).
    public var rejected: Int { state.withLock { $0.rejected } }

    /// Why the cache is not reading now, if it is not.
    public var problem: String? { state.withLock { $0.problem } }

    func reachedEnd() {
        let seconds = (ContinuousClock.now - started).seconds
        state.withLock { $0.caughtUpAfter = $0.caughtUpAfter ?? seconds }
        ready.store(true, ordering: .releasing)
        Gauge(label: "leeway_cache_ready").record(1)
    }

    func report(_ partitions: [TopicPartition: Int64]) {
        var byTopic: [String: Int64] = [:]
        for (partition, lag) in partitions { byTopic[partition.topic, default: 0] += lag }
        state.withLock { $0.lag = byTopic }
        for (topic, lag) in byTopic { Gauge(label: "leeway_cache_lag_records", dimensions: [("topic", topic)]).record(lag) }
    }

    func count(_ topic: String, applied: Int, rejected: Int) {
        state.withLock { state in
            state.applied[topic, default: 0] += applied
            state.rejected += rejected
        }
        Counter(label: "leeway_cache_records_total", dimensions: [("topic", topic)]).increment(by: applied)
        if rejected > 0 { Counter(label: "leeway_cache_records_rejected_total", dimensions: [("topic", topic)]).increment(by: rejected) }
    }

    func fail(_ problem: String?) { state.withLock { $0.problem = problem } }
}

