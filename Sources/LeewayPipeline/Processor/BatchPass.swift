import Kafka
import LeewayTopics
import LeewayCore
import Logging
import Metrics

/// The per-report pass over a batch: decode, the vessel's state, predict, send. Records of
/// a partition are handled in order and their outputs are sent in order.
struct BatchPass {
    let topics: TopicNames
    let intake: TelemetryIntake
    var pass: VesselPass
    let producer: KafkaProducer
    let logger: Logger
    /// Where alerts go: the alerts topic, `/metrics`.
    let alerts: AlertSink
    /// Silence after which a vessel's telemetry is stale; nil: not checked.
    let staleAfter: Duration?

    /// Prediction headers per vessel type and model, made once.
    var headers = PredictionHeaders()

    /// Handles `records` against the partitions' stores and returns the counts.
    mutating func run(_ records: [ConsumerRecord], stores: [Int32: PartitionStore]) async throws -> ProcessorMetrics.Tally {
        var tally = ProcessorMetrics.Tally()
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
                try await handle(report, record, store, &tally)
            }
            store.nextOffset = record.offset + 1
        }
        return tally
    }

    private mutating func handle(_ report: Telemetry, _ record: ConsumerRecord, _ store: PartitionStore,
                                 _ tally: inout ProcessorMetrics.Tally) async throws {
        let ingestedAt = record.timestampMilliseconds.map { EventTime(microseconds: $0 * 1000) } ?? report.eventTime
        let id = report.vesselID
        // Telemetry is keyed by vessel id: reuse the input's key bytes when they are it.
        let key = record.key.flatMap { $0.elementsEqual(id.utf8) ? $0 : nil } ?? Array(id.utf8)
        // A vessel with a stale alert: remember its silence before this report ends it.
        let silent = !store.stale.isEmpty && store.stale.contains(id) ? store.slots[id]?.state : nil
        let slot = store.slot(for: id, type: report.vesselType)
        let outcome = pass.run(report, offset: record.offset, ingestedAt: ingestedAt, state: &slot.state)
        tally.count(outcome.admission)
        if outcome.admission == .applied, let silent, let after = staleAfter {
            store.stale.remove(id)
            try await publish(DriftAlert.staleTelemetry(silent, after: after, resumedAt: report.eventTime), &tally)
        }
        if outcome.admission != .replayed {
            store.dirty.insert(id)
            if report.eventTime > store.newest { store.newest = report.eventTime }
        }
        if let prediction = outcome.prediction {
            tally.predictions += 1
            try await producer.sendAwaitingRoom(ProducerRecord(
                topic: topics.predictions, key: key, value: prediction.json, headers: headers.for(prediction)))
        }
        for alert in outcome.alerts { try await publish(alert, &tally) }
        if outcome.publishFeatures {
            try await producer.sendAwaitingRoom(ProducerRecord(
                topic: topics.features, key: key, value: slot.state.featuresJSON,
                headers: [KafkaHeader("leeway.schema", VesselState.featuresSchemaVersion)]))
        }
    }
}

extension BatchPass {
    /// Sends an alert record to the alerts topic.
    func publish(_ alert: DriftAlert, _ tally: inout ProcessorMetrics.Tally) async throws {
        tally.alerts += 1
        try await alerts.publish(alert)
    }
}

/// A prediction record's headers, made once per vessel type and model.
struct PredictionHeaders {
    private var made: [VesselType: (ModelIdentity, [KafkaHeader])] = [:]

    mutating func `for`(_ prediction: Prediction) -> [KafkaHeader] {
        if let (identity, headers) = made[prediction.vesselType], identity == prediction.model { return headers }
        let headers = [
            KafkaHeader("leeway.model.name", prediction.model.name),
            KafkaHeader("leeway.model.version", String(prediction.model.version)),
            KafkaHeader("leeway.schema", Prediction.schemaVersion),
        ]
        made[prediction.vesselType] = (prediction.model, headers)
        return headers
    }
}
