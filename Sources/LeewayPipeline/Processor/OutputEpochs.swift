import Kafka

/// The processor's outputs, sent under the token of the commit they belong to, so that a
/// commit can tell when everything before it is acknowledged while later outputs are still
/// on their way. A commit point closes the open epoch; its changelog records go under a
/// token of their own. Used only from the processor's task.
final class OutputEpochs: RecordOutput {
    let producer: KafkaProducer
    let ledger: DeliveryLedger
    /// The open epoch: outputs sent now belong to the next commit point.
    private var epoch: UInt64 = 1
    private var sentInEpoch = 0
    /// Records sent under each closed token whose acknowledgement is still to be seen.
    private var closed: [UInt64: Int] = [:]

    init(producer: KafkaProducer, ledger: DeliveryLedger) {
        self.producer = producer
        self.ledger = ledger
    }

    /// Sends `record` in the open epoch, waiting while the producer's queue is full.
    func emit(_ record: ProducerRecord) async throws {
        try await producer.sendAwaitingRoom(record, token: epoch << 1)
        sentInEpoch += 1
    }

    /// Ends the open epoch and returns its token: every output sent so far carries it or an
    /// earlier one.
    func closeEpoch() -> UInt64 {
        let token = epoch << 1
        closed[token] = sentInEpoch
        (epoch, sentInEpoch) = (epoch + 1, 0)
        return token
    }

    /// Sends the changelog records of the commit whose outputs are `outputs`, under their
    /// own token, and returns it.
    func sendChangelog(_ records: [ProducerRecord], of outputs: UInt64) async throws -> UInt64 {
        let token = outputs | 1
        for record in records { try await producer.sendAwaitingRoom(record, token: token) }
        closed[token] = records.count
        return token
    }

    /// Whether every record sent under `token` has been reported (refusals are the
    /// ledger's ``DeliveryLedger/failure``, checked before anything is committed).
    func isSettled(_ token: UInt64) -> Bool {
        guard let sent = closed[token] else { return true }
        guard ledger.reported(token) >= sent else { return false }
        closed[token] = nil
        ledger.forget(token)
        return true
    }
}
