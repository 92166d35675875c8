import Kafka
import LeewayCore

extension ProcessorLoop {
    /// The per-report pass over one batch, outputs sent as they arise.
    func process(_ records: [ConsumerRecord]) async throws {
        guard !records.isEmpty else { return }
        uncommitted = true
        if models.generation != modelGeneration {
            let snapshot = models.snapshot
            (modelGeneration, batchPass.pass.models) = (snapshot.generation, snapshot.catalog)
        }
        metrics.record(try await batchPass.run(records, stores: stores))
        let evicted = cap.enforce(on: stores.values)
        if evicted > 0 {
            metrics.evicted.increment(by: evicted)
            progress.evicted += evicted
            if !capReached {
                capReached = true
                logger.notice("vessel cap reached: from now on the vessels heard from least recently are evicted (leeway_vessels_evicted_total)",
                              metadata: ["evicted": "\(evicted)", "max_vessels": "\(cap.limit)"])
            }
        }
        progress.reports += records.count
    }
}
