import Kafka
import LeewayCore

extension ProcessorLoop {
    /// Commits what has been processed, in an order that keeps a crash at any point safe:
    /// 1. wait until every prediction, feature and dead letter sent so far is acknowledged;
    /// 2. write the changed vessel states (each remembers its last input offset) and
    ///    tombstones for expired and evicted vessels (and their stale alerts), and wait for those too;
    /// 3. store and commit the input offsets.
    /// A state in the changelog therefore never runs ahead of acknowledged outputs, and a
    /// replay skips exactly what the restored state already holds.
    func commit() async throws {
        let began = ContinuousClock.now
        health.beginCommit()
        defer {
            health.endCommit()
            progress.committing += ContinuousClock.now - began
        }
        nextCommit = .now.advanced(by: configuration.commitInterval)
        uncommitted = false
        // Alerts of vessels evicted since the last commit go before any new stale alert: a
        // vessel evicted and heard from again may go stale again below.
        try await withdrawAlerts()
        if let after = configuration.staleAfter {
            var tally = ProcessorMetrics.Tally()
            for store in stores.values {
                for state in store.newlyStale(after: after) {
                    try await batchPass.publish(DriftAlert.staleTelemetry(state, after: after, resumedAt: nil), &tally)
                }
            }
            metrics.record(tally)
        }
        try await settleOutputs()
        var expired = 0
        for store in stores.values {
            expired += store.expire(olderThan: configuration.vesselTTL)
            // Tombstones first: a vessel evicted and heard from again since is written after.
            for id in store.expired {
                try await producer.sendAwaitingRoom(changelog.tombstone(id, partition: store.partition))
            }
            for id in store.dirty {
                guard let state = store.slots[id]?.state else { continue }
                try await producer.sendAwaitingRoom(changelog.record(state, partition: store.partition))
            }
            store.dirty.removeAll(keepingCapacity: true)
            store.expired.removeAll()
        }
        try await withdrawAlerts()
        if expired > 0 { metrics.expired.increment(by: expired) }
        metrics.vessels.record(stores.values.reduce(0) { $0 + $1.slots.count })
        metrics.firing.record(stores.values.reduce(0) { $0 + $1.firingAlerts })
        try await settleOutputs()
        let positions = stores.values.compactMap { store in
            store.nextOffset.map { TopicPartitionOffset(TopicPartition(configuration.topics.telemetry, store.partition), offset: $0) }
        }
        guard !positions.isEmpty else { return }
        switch await commitOffsets(positions) {
        case .success:
            metrics.commits.increment()
            logProgress()
        case .failure(let error) where error.isRebalanceRelated:
            logger.warning("commit overtaken by a rebalance; the next owner repeats from the last commit",
                           metadata: ["error": "\(error)"])
        case .failure(let error) where error.isRetriable:
            // The offsets stay stored: the next commit carries them (or a later one).
            uncommitted = true
            metrics.commitFailures.increment()
            logger.warning("commit failed with a retriable error; retrying at the next commit", metadata: ["error": "\(error)"])
        case .failure(let error):
            throw error
        }
    }

    /// Stores and commits `positions`; the outcome as a value (typed throws and `catch`
    /// clauses with conditions crash this compiler).
    private func commitOffsets(_ positions: [TopicPartitionOffset]) async -> Result<Void, KafkaError> {
        do {
            try consumer.store(positions)
            try await consumer.commit()
            return .success(())
        } catch {
            return .failure(error)
        }
    }

    /// Tombstones on the alerts topic for the firing alerts of forgotten vessels.
    private func withdrawAlerts() async throws {
        for store in stores.values where !store.withdrawn.isEmpty {
            for (slot, stale) in store.withdrawn {
                for id in batchPass.pass.firingAlertIDs(of: slot.state, stale: stale) { try await batchPass.alerts.withdraw(id) }
            }
            store.withdrawn.removeAll()
        }
    }

    /// At most every 10 s: how many reports were handled and how fast.
    private func logProgress() {
        let elapsed = ContinuousClock.now - progress.since
        guard elapsed >= .seconds(10) else { return }
        let seconds = elapsed.seconds
        logger.info("progress", metadata: [
            "reports": "\(progress.reports)", "per_second": "\(Int(Double(progress.reports) / seconds))",
            "vessels": "\(stores.values.reduce(0) { $0 + $1.slots.count })",
            "committing_seconds": "\(progress.committing)", "busy_seconds": "\(progress.busy)",
            "evicted": "\(progress.evicted)",
        ])
        progress = (0, .now, .zero, .zero, 0)
    }

    private func settleOutputs() async throws {
        try await producer.flush(timeout: configuration.settleTimeout)
        if let (count, first) = ledger.failure {
            throw ProcessorError.outputsRefused(count: count, first: first)
        }
    }
}
