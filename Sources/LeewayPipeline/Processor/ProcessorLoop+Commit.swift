import Kafka
import LeewayCore

/// Commits without stopping the record path. A commit point (every `commitInterval`) closes
/// the epoch of outputs sent so far and takes the changed vessel states; then, as delivery
/// reports arrive, while records keep being processed:
/// 1. once every prediction, feature, alert and dead letter before the point is
///    acknowledged, the point's changelog records (tombstones first) are sent;
/// 2. once those are acknowledged too, the point's input offsets are stored and committed
///    in the background.
/// Points go through both steps in order, and a new point is taken only once the previous
/// one's outputs are acknowledged. A state in the changelog therefore never runs ahead of
/// acknowledged outputs, an offset is committed only when everything it caused is
/// acknowledged, and a replay skips exactly what the restored state already holds.
extension ProcessorLoop {
    /// Takes a commit point unless the previous one still waits for its outputs (those
    /// outputs' epoch then stays open and the next point covers them).
    func checkpoint() async throws {
        let began = ContinuousClock.now
        defer { progress.committing += ContinuousClock.now - began }
        nextCommit = began.advanced(by: configuration.commitInterval)
        if let last = pending.last, last.changelogToken == nil { return }
        uncommitted = false
        // Alerts of vessels evicted since the last point go before any new stale alert: a
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
        var changelog: [ProducerRecord] = []
        var expired = 0
        for store in stores.values {
            expired += store.expire(olderThan: configuration.vesselTTL)
            // Tombstones first: a vessel evicted and heard from again since is written after.
            for id in store.expired { changelog.append(self.changelog.tombstone(id, partition: store.partition)) }
            for id in store.dirty {
                guard let state = store.slots[id]?.state else { continue }
                changelog.append(self.changelog.record(state, partition: store.partition))
            }
            store.dirty.removeAll(keepingCapacity: true)
            store.expired.removeAll()
        }
        try await withdrawAlerts()
        if expired > 0 { metrics.expired.increment(by: expired) }
        metrics.vessels.record(stores.values.reduce(0) { $0 + $1.slots.count })
        metrics.firing.record(stores.values.reduce(0) { $0 + $1.firingAlerts })
        let positions = stores.values.compactMap { store in
            store.nextOffset.map { TopicPartitionOffset(TopicPartition(configuration.topics.telemetry, store.partition), offset: $0) }
        }
        pending.append(PendingCommit(outputs: outputs.closeEpoch(), changelog: changelog, positions: positions, since: began))
    }

    /// Moves commit points along as far as the delivery reports so far allow; never waits
    /// for the broker (only for room in the producer's queue). Throws when the broker
    /// refused an output, or when a point has waited longer than the settle timeout.
    func advanceCommits() async throws {
        let began = ContinuousClock.now
        defer { progress.committing += ContinuousClock.now - began }
        for index in pending.indices where pending[index].changelogToken == nil {
            guard outputs.isSettled(pending[index].outputs) else { break }
            try checkRefusals()
            pending[index].changelogToken = try await outputs.sendChangelog(pending[index].changelog, of: pending[index].outputs)
            pending[index].changelog = []
        }
        var stored = false
        while let head = pending.first, let token = head.changelogToken, outputs.isSettled(token) {
            try checkRefusals()
            pending.removeFirst()
            if try store(head.positions) { stored = true }
        }
        if stored { offsetCommits.request() }
        if let outcome = offsetCommits.collect() { try settle(outcome) }
        let waiting = [pending.first?.since, offsetCommits.inFlightSince].compactMap { $0 }.min()
        health.commitWaiting(since: waiting)
        if let waiting, began - waiting > configuration.settleTimeout {
            throw ProcessorError.acknowledgementsOverdue(after: configuration.settleTimeout)
        }
    }

    /// Commits everything processed so far and waits for the broker (on revocation and at
    /// shutdown): the same steps, each awaited.
    func commitNow() async throws {
        try await settleOutputs()
        try await advanceCommits()
        try await checkpoint()
        for _ in 0..<2 {
            try await settleOutputs()
            try await advanceCommits()
        }
        for outcome in await offsetCommits.finish() { try settle(outcome) }
        health.commitWaiting(since: nil)
    }

    /// Forgets what commit points hold of `partitions` (lost: their next owner repeats it).
    func dropPending(_ partitions: [Int32]) {
        let lost = Set(partitions)
        for index in pending.indices { pending[index].drop(lost) }
    }

    /// Stores `positions`; false when a rebalance took the partitions first.
    private func store(_ positions: [TopicPartitionOffset]) throws -> Bool {
        guard !positions.isEmpty else { return false }
        let stored: Result<Void, KafkaError>
        do {
            try consumer.store(positions)
            stored = .success(())
        } catch {
            stored = .failure(error)
        }
        switch stored {
        case .success:
            return true
        case .failure(let error) where error.isRebalanceRelated:
            logger.warning("offsets overtaken by a rebalance; the next owner repeats from the last commit",
                           metadata: ["error": "\(error)"])
            return false
        case .failure(let error):
            throw error
        }
    }

    /// Acts on a commit's outcome.
    private func settle(_ outcome: Result<Void, KafkaError>) throws {
        switch outcome {
        case .success:
            metrics.commits.increment()
            health.answered()
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

    /// Throws when the broker refused an output: nothing after the last commit is committed.
    private func checkRefusals() throws {
        if let (count, first) = ledger.failure { throw ProcessorError.outputsRefused(count: count, first: first) }
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
        try checkRefusals()
    }
}
