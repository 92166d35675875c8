import CRdKafka

extension KafkaProducer {
    /// Registers the producer's `transactionalID` with the cluster, fencing any older
    /// producer with the same id (its next transaction fails with `_FENCED`) and aborting
    /// what it left open. Call once before the first ``beginTransaction()``.
    public func initTransactions(timeout: Duration = .seconds(30)) async throws(KafkaError) {
        try await transactionCall("init transactions") { rk in rd_kafka_init_transactions(rk, Int32(timeout.milliseconds)) }
    }

    /// Starts a transaction: records sent from now on are visible to `read_committed`
    /// readers only once ``commitTransaction(timeout:)`` succeeds.
    public func beginTransaction() throws(KafkaError) {
        if let error = rd_kafka_begin_transaction(handle.pointer) { throw KafkaError(consuming: error, operation: "begin transaction") }
    }

    /// Flushes and commits the transaction. Fails with `_FENCED` when a newer producer with
    /// the same transactional id was initialised meanwhile: nothing of this transaction is then visible.
    public func commitTransaction(timeout: Duration = .seconds(30)) async throws(KafkaError) {
        try await transactionCall("commit transaction") { rk in rd_kafka_commit_transaction(rk, Int32(timeout.milliseconds)) }
    }

    /// Aborts the transaction: its records are never visible to `read_committed` readers.
    public func abortTransaction(timeout: Duration = .seconds(30)) async throws(KafkaError) {
        try await transactionCall("abort transaction") { rk in rd_kafka_abort_transaction(rk, Int32(timeout.milliseconds)) }
    }

    private func transactionCall(_ operation: String, _ call: @escaping @Sendable (OpaquePointer) -> OpaquePointer?) async throws(KafkaError) {
        let handle = self.handle
        try await offloaded { () throws(KafkaError) in
            if let error = call(handle.pointer) { throw KafkaError(consuming: error, operation: operation) }
        }
    }
}
