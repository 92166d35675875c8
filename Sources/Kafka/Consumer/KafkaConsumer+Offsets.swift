import CRdKafka

extension KafkaConsumer {
    /// Marks positions as processed: each is the next offset to read in its partition.
    /// Only stored positions are ever committed. Throws `_STATE` for a partition this
    /// member no longer owns.
    public func store(_ positions: [TopicPartitionOffset]) throws(KafkaError) {
        guard !positions.isEmpty else { return }
        try withHandle("store offsets") { (rk) throws(KafkaError) in
            let list = TopicPartitionList.make(positions)
            defer { rd_kafka_topic_partition_list_destroy(list) }
            let err = rd_kafka_offsets_store(rk, list)
            if let error = TopicPartitionList.firstError(list, operation: "store offset for") ?? KafkaError.check(err, operation: "store offsets") {
                throw error
            }
        }
    }

    /// Marks `records` as processed: stores, per partition, one past the highest offset.
    public func store(processed records: some Sequence<ConsumerRecord>) throws(KafkaError) {
        // Batches come in runs per partition: hash only when the partition changes.
        var highest: [TopicPartition: Int64] = [:]
        var run: (topic: String, partition: Int32, next: Int64)?
        func close(_ run: (topic: String, partition: Int32, next: Int64)) {
            let key = TopicPartition(run.topic, run.partition)
            highest[key] = Swift.max(highest[key] ?? -1, run.next)
        }
        for record in records {
            if let current = run, current.partition == record.partition, current.topic == record.topic {
                run?.next = Swift.max(current.next, record.offset + 1)
            } else {
                if let current = run { close(current) }
                run = (record.topic, record.partition, record.offset + 1)
            }
        }
        if let run { close(run) }
        try store(highest.map { TopicPartitionOffset($0.key, offset: $0.value) })
    }

    /// Commits the stored positions and waits for the broker's answer. Nothing stored is
    /// success. During a rebalance the error's ``KafkaError/isRebalanceRelated`` is true:
    /// not fatal, the next owner continues from the last committed offset.
    public func commit() async throws(KafkaError) {
        try await withHandleOffloaded("commit") { rk throws(KafkaError) in
            let err = rd_kafka_commit(rk, nil, 0)
            if err == RD_KAFKA_RESP_ERR__NO_OFFSET { return }
            if let error = KafkaError.check(err, operation: "commit") { throw error }
        }
    }

    /// The group's committed positions for `partitions` (offset -1001 when none).
    public func committed(_ partitions: [TopicPartition], timeout: Duration = .seconds(10)) async throws(KafkaError) -> [TopicPartitionOffset] {
        try await withHandleOffloaded("fetch committed offsets") { rk throws(KafkaError) in
            try OffsetQueries.committed(rk, partitions, timeout: timeout)
        }
    }

    /// The partitions this member owns now.
    public func assignment() throws(KafkaError) -> [TopicPartition] {
        try withHandle("read assignment") { (rk) throws(KafkaError) in
            var list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?
            if let error = KafkaError.check(rd_kafka_assignment(rk, &list), operation: "read assignment") { throw error }
            guard let list else { return [] }
            defer { rd_kafka_topic_partition_list_destroy(list) }
            return TopicPartitionList.partitions(list).sorted()
        }
    }

    /// Stops fetching from `partitions` until ``resume(_:)``; owned partitions stay owned.
    /// Paused while handling `.assigned`, a partition yields nothing; paused later, records
    /// already in the batch being prepared (at most one batch) may still arrive.
    public func pause(_ partitions: [TopicPartition]) throws(KafkaError) {
        try changeFetching(partitions, operation: "pause") { rd_kafka_pause_partitions($0, $1) }
    }

    /// Resumes fetching from paused `partitions`.
    public func resume(_ partitions: [TopicPartition]) throws(KafkaError) {
        try changeFetching(partitions, operation: "resume") { rd_kafka_resume_partitions($0, $1) }
    }

    private func changeFetching(_ partitions: [TopicPartition], operation: String,
                                _ call: (OpaquePointer, UnsafeMutablePointer<rd_kafka_topic_partition_list_t>) -> rd_kafka_resp_err_t) throws(KafkaError) {
        try withHandle(operation) { (rk) throws(KafkaError) in
            let list = TopicPartitionList.make(partitions)
            defer { rd_kafka_topic_partition_list_destroy(list) }
            let err = call(rk, list)
            if let error = KafkaError.check(err, operation: operation) ?? TopicPartitionList.firstError(list, operation: operation) {
                throw error
            }
        }
    }

    /// The partition's low and high watermarks as the broker reports them. On Tansu 0.6 the
    /// high watermark is the base offset of the last batch plus one, not the log end.
    public func watermarks(_ partition: TopicPartition, timeout: Duration = .seconds(5)) async throws(KafkaError) -> (low: Int64, high: Int64) {
        try await withHandleOffloaded("query watermarks") { rk throws(KafkaError) in
            try OffsetQueries.watermarks(rk, partition, timeout: timeout)
        }
    }
}
