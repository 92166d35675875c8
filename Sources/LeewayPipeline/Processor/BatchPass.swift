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
    /// Where outputs go, counted per commit.
    let output: OutputEpochs
    let logger: Logger
    /// Where alerts go: the alerts topic, `/metrics`.
    let alerts: AlertSink
    /// Silence after which a vessel's telemetry is stale; nil: not checked.
    let staleAfter: Duration?

    /// Prediction headers per vessel type and model, made once.
    var headers = PredictionHeaders()
    /// The batch models' input rows, reused batch after batch.
    var pending = PendingRows()
    /// The batch's reports between the two steps, reused batch after batch.
    var steps: [Step] = []
    /// Answers of the batch models, by vessel type.
    var answers: [VesselType: [TargetValues]] = [:]
    /// Batch models' failures.
    let modelCalls: ModelCallLog
    /// Report's Kafka timestamp to its prediction sent.
    let latency = ProcessingLatency()

    /// A record on its way: refused, or applied to its vessel's state.
    enum Step {
        case rejected(ProducerRecord)
        case applied(VesselPass.Applied, Emit)
        case unowned(ConsumerRecord)
    }

    /// What an applied report sends besides its prediction and alerts.
    struct Emit {
        let store: PartitionStore
        let slot: PartitionStore.Slot
        let offset: Int64
        /// The input's Kafka timestamp (ms since the epoch), for the processing latency.
        let sentAt: Int64?
        let key: [UInt8]
        /// The stale alert its arrival resolved.
        let resumed: DriftAlert?
        /// The vessel's feature record, when due.
        let features: [UInt8]?
    }

    /// Handles `records` against the partitions' stores and returns the counts: every record
    /// is applied to its vessel's state, each batch model is asked once for all rows of its
    /// type, then every record's outputs are sent in record order.
    mutating func run(_ records: [ConsumerRecord], stores: [Int32: PartitionStore]) async throws -> ProcessorMetrics.Tally {
        var tally = ProcessorMetrics.Tally()
        steps.removeAll(keepingCapacity: true)
        pending.removeAll()
        for record in records {
            guard let store = stores[record.partition] else {
                steps.append(.unowned(record))
                continue
            }
            switch intake.admit(record, now: .now) {
            case .rejected(let deadLetter, _):
                tally.rejected += 1
                steps.append(.rejected(deadLetter))
            case .accepted(let report):
                steps.append(apply(report, record, store, &tally))
            }
        }
        tally.alerts += try await askBatchModels()
        for step in steps {
            switch step {
            case .unowned(let record):
                logger.error("a record of a partition without a store; skipped (it will be re-read by its owner)",
                             metadata: ["partition": "\(record.partition)", "offset": "\(record.offset)"])
            case .rejected(let deadLetter):
                try await output.emit(deadLetter)
            case .applied(let applied, let emit):
                try await finish(applied, emit, &tally)
                emit.store.nextOffset = emit.offset + 1
            }
        }
        return tally
    }

    /// Step one for `report`: its vessel's state, its batch row.
    private mutating func apply(_ report: Telemetry, _ record: ConsumerRecord, _ store: PartitionStore,
                                _ tally: inout ProcessorMetrics.Tally) -> Step {
        let ingestedAt = record.timestampMilliseconds.map { EventTime(microseconds: $0 * 1000) } ?? report.eventTime
        let id = report.vesselID
        // Telemetry is keyed by vessel id: reuse the input's key bytes when they are it.
        let key = record.key.flatMap { $0.elementsEqual(id.utf8) ? $0 : nil } ?? Array(id.utf8)
        // A vessel with a stale alert: remember its silence before this report ends it.
        let silent = !store.stale.isEmpty && store.stale.contains(id) ? store.slots[id]?.state : nil
        let slot = store.slot(for: id, type: report.vesselType)
        let applied = pass.apply(report, offset: record.offset, ingestedAt: ingestedAt, state: &slot.state, batches: &pending)
        tally.count(applied.admission)
        var resumed: DriftAlert?
        if applied.admission == .applied, let silent, let after = staleAfter {
            store.stale.remove(id)
            store.unsent.remove(id)
            resumed = DriftAlert.staleTelemetry(silent, after: after, resumedAt: report.eventTime)
        }
        if applied.admission != .replayed {
            store.dirty.insert(id)
            if report.eventTime > store.newest { store.newest = report.eventTime }
        }
        let emit = Emit(store: store, slot: slot, offset: record.offset, sentAt: record.timestampMilliseconds, key: key, resumed: resumed,
                        features: applied.publishFeatures ? slot.state.featuresJSON : nil)
        return .applied(applied, emit)
    }

    /// Asks each batch model once for its type's rows; a model that fails leaves its type to
    /// the baseline for this batch.
    private mutating func askBatchModels() async throws -> Int {
        answers.removeAll(keepingCapacity: true)
        guard !pending.isEmpty else { return 0 }
        var published = 0
        for (type, batch) in pending.waiting {
            guard case .batched(let model, _) = pass.models.served(for: type) else { continue }
            let transition: DriftAlert?
            do throws(ModelCallError) {
                let values = try await model.predict(batch)
                guard values.count == batch.count else { throw ModelCallError("answered \(values.count) rows for \(batch.count)") }
                answers[type] = values
                transition = modelCalls.succeeded(type, model: model.identity, rows: batch.count)
            } catch {
                transition = modelCalls.failed(type, model: model.identity, rows: batch.count, error: error)
            }
            if let transition {
                try await alerts.publish(transition)
                published += 1
            }
        }
        return published
    }

    /// Step two for an applied report, and its outputs sent.
    private mutating func finish(_ applied: VesselPass.Applied, _ emit: Emit, _ tally: inout ProcessorMetrics.Tally) async throws {
        let answer: VesselPass.Answer = applied.batchRow.map { row in
            answers[emit.slot.state.vesselType].map { .batched($0[row]) } ?? .fallback
        } ?? .inline
        let outcome = pass.finish(applied, answer: answer, state: &emit.slot.state)
        // Outputs carry their report's Kafka timestamp (as Kafka Streams does): a replay
        // writes identical records, and any consumer reads report → output latency off them.
        if let resumed = emit.resumed { try await publish(resumed, timestamp: emit.sentAt, &tally) }
        if let prediction = outcome.prediction {
            tally.predictions += 1
            if prediction.quality.contains(.fallbackModel) { tally.fallbacks += 1 }
            try await output.emit(ProducerRecord(
                topic: topics.predictions, key: emit.key, value: prediction.json, headers: headers.for(prediction),
                timestampMilliseconds: emit.sentAt))
            if let sentAt = emit.sentAt { latency.record(sinceMilliseconds: sentAt) }
        }
        for alert in outcome.alerts { try await publish(alert, timestamp: emit.sentAt, &tally) }
        if let features = emit.features {
            try await output.emit(ProducerRecord(
                topic: topics.features, key: emit.key, value: features,
                headers: [KafkaHeader("leeway.schema", VesselState.featuresSchemaVersion)], timestampMilliseconds: emit.sentAt))
        }
    }
}

extension BatchPass {
    /// Sends an alert record to the alerts topic, with the Kafka timestamp of the report that
    /// raised it (nil: now).
    func publish(_ alert: DriftAlert, timestamp: Int64? = nil, _ tally: inout ProcessorMetrics.Tally) async throws {
        tally.alerts += 1
        try await alerts.publish(alert, timestamp: timestamp)
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
