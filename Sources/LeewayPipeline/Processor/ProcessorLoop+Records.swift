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
            logger.notice("vessel cap reached: evicted the vessels heard from least recently",
                          metadata: ["evicted": "\(evicted)", "max_vessels": "\(cap.limit)"])
        }
        progress.reports += records.count
    }
}
