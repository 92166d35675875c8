import Kafka

/// Where the processor's records go: ``OutputEpochs`` in the processor, the producer itself
/// in the monitor.
protocol RecordOutput: AnyObject {
    /// Sends `record`, waiting while the producer's queue is full.
    func emit(_ record: ProducerRecord) async throws
}

extension KafkaProducer: RecordOutput {
    func emit(_ record: ProducerRecord) async throws { try await sendAwaitingRoom(record) }
}
