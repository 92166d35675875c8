import Kafka
import LeewayCore

extension ProcessorLoop {
    /// The per-report pass over one batch, outputs sent as they arise.
    func process(_ records: [ConsumerRecord]) async throws {
        var tally = ProcessorMetrics.Tally()
        uncommitted = uncommitted || !records.isEmpty
        for record in records {
            guard let store = stores[record.partition] else {
                logger.error("a record of a partition without a store; skipped (it will be re-read by its owner)",
                             metadata: ["partition": "\(record.partition)", "offset": "\(record.offset)"])
                continue
            }
            switch intake.admit(record, now: .now) {
            case .rejected(let deadLetter, _):
                tally.rejected += 1
                try await producer.sendAwaitingRoom(deadLetter)
            case .accepted(let report):
                let ingestedAt = record.timestampMilliseconds.map { EventTime(microseconds: $0 * 1000) } ?? report.eventTime
                let id = report.vesselID
                // Telemetry is keyed by vessel id: reuse the input's key bytes when they are it.
                let key = record.key.flatMap { $0.elementsEqual(id.utf8) ? $0 : nil } ?? Array(id.utf8)
                let outcome = pass.run(report, offset: record.offset, ingestedAt: ingestedAt,
                                       state: &store.states[id, default: VesselState(vesselID: id, vesselType: report.vesselType)])
                tally.count(outcome.admission)
                if outcome.admission != .replayed {
                    store.dirty.insert(id)
                    if report.eventTime > store.newest { store.newest = report.eventTime }
                }
                if let prediction = outcome.prediction {
                    tally.predictions += 1
                    try await producer.sendAwaitingRoom(ProducerRecord(
                        topic: configuration.topics.predictions, key: key, value: prediction.json,
                        headers: predictionHeaders(prediction)))
                }
                if outcome.publishFeatures, let state = store.states[id] {
                    try await producer.sendAwaitingRoom(ProducerRecord(
                        topic: configuration.topics.features, key: key, value: state.featuresJSON,
                        headers: [KafkaHeader("leeway.schema", VesselState.featuresSchemaVersion)]))
                }
            }
            store.nextOffset = record.offset + 1
        }
        metrics.record(tally)
        progress.reports += records.count
    }

    private func predictionHeaders(_ prediction: Prediction) -> [KafkaHeader] {
        if let (identity, headers) = headers[prediction.vesselType], identity == prediction.model { return headers }
        let made = [
            KafkaHeader("leeway.model.name", prediction.model.name),
            KafkaHeader("leeway.model.version", String(prediction.model.version)),
            KafkaHeader("leeway.schema", Prediction.schemaVersion),
        ]
        headers[prediction.vesselType] = (prediction.model, made)
        return made
    }
}
