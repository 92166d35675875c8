import Foundation
import Kafka

/// A consume + produce loop with no processing: each record goes on unchanged (key, value,
/// Kafka timestamp) to `topic`, its offset stored as it goes; delivery is not awaited. The
/// throughput ceiling (``PipelineThroughput``) and the two-hop latency baseline
/// (``LatencyRelay``). Runs until cancelled, then closes the consumer.
func passthrough(_ consumer: KafkaConsumer, to topic: String, via producer: KafkaProducer,
                 onAssigned: @Sendable () -> Void = {}) async {
    await withTaskCancellationHandler {
        do {
            for try await event in consumer {
                switch event {
                case .assigned(let partitions) where !partitions.isEmpty: onAssigned()
                case .records(let records):
                    for record in records {
                        try await producer.sendAwaitingRoom(ProducerRecord(topic: topic, key: record.key, value: record.value,
                                                                           timestampMilliseconds: record.timestampMilliseconds))
                    }
                    try consumer.store(processed: records)
                default: break
                }
            }
        } catch {
            if !Task.isCancelled { FileHandle.standardError.write(Data("passthrough to \(topic): \(error)\n".utf8)) }
        }
    } onCancel: {
        consumer.requestClose()
    }
    await consumer.close()
}
