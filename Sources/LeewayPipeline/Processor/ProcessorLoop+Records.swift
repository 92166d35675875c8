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
        progress.reports += records.count
    }
}
