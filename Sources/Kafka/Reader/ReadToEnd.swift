import CRdKafka

/// One blocking read of partitions to their end, on the calling (non-cooperative) thread;
/// with a ``FollowControl`` it then keeps reading new records until told to stop.
struct ReadToEnd {
    let rk: OpaquePointer
    let context: ConsumerContext
    let settle: Duration

    private struct Progress {
        var high: Int64
        var seen: Int64 = -1
        var done = false
        var reachedAt: ContinuousClock.Instant?
    }

    /// Reads to the end. Without `follow` it returns there (or throws `timedOut` after
    /// `timeout`); with it, it reports the end through `follow` and reads on, without a
    /// deadline, until `follow` is stopped.
    func run(_ partitions: [TopicPartition], timeout: Duration, follow: FollowControl? = nil,
             _ body: ([ConsumerRecord]) -> Void) throws(KafkaError) -> Int {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        var progress: [TopicPartition: Progress] = [:]
        var start: [TopicPartitionOffset] = []
        for partition in partitions {
            let (low, high) = try OffsetQueries.watermarks(rk, partition, timeout: .seconds(10))
            // An empty partition is at its end already; a follower still listens to it.
            guard high > low || follow != nil else { continue }
            progress[partition] = Progress(high: high, done: high <= low)
            start.append(TopicPartitionOffset(partition, offset: Int64(RD_KAFKA_OFFSET_BEGINNING)))
        }
        guard !start.isEmpty else { return 0 }
        let list = TopicPartitionList.make(start)
        defer {
            rd_kafka_topic_partition_list_destroy(list)
            _ = rd_kafka_assign(rk, nil)
        }
        if let error = KafkaError.check(rd_kafka_assign(rk, list), operation: "assign \(partitions)") { throw error }
        var total = 0
        var caughtUp = false
        var lagReportedAt = ContinuousClock.now
        while true {
            if !caughtUp, !progress.values.contains(where: { !$0.done }) {
                caughtUp = true
                guard let follow else { break }
                follow.reachedEnd(total)
            }
            if let follow {
                if follow.isStopped { break }
                if ContinuousClock.now - lagReportedAt >= follow.lagInterval {
                    lagReportedAt = .now
                    follow.report(lag(progress))
                }
            } else if ContinuousClock.now >= deadline {
                let missing = progress.filter { !$0.value.done }.map { "\($0.key) at \($0.value.seen + 1) of \($0.value.high)" }
                throw KafkaError(.timedOut, "not at the end after \(timeout): \(missing.sorted())", operation: "read to end")
            }
            if let message = rd_kafka_consumer_poll(rk, 50) {
                take(message, &progress)
                while context.pending.count < 1_000, let next = rd_kafka_consumer_poll(rk, 0) {
                    take(next, &progress)
                }
            }
            if !context.pending.isEmpty {
                let batch = context.pending
                context.pending.removeAll(keepingCapacity: true)
                for record in batch {
                    let key = TopicPartition(record.topic, record.partition)
                    if let seen = progress[key]?.seen, record.offset > seen { progress[key]?.seen = record.offset }
                }
                total += batch.count
                body(batch)
            }
            if !caughtUp { settleQuietPartitions(&progress) }
        }
        return total
    }

    /// Records behind the broker's last reported end, per partition (from the watermarks
    /// librdkafka caches from fetch responses; no request is made).
    private func lag(_ progress: [TopicPartition: Progress]) -> [TopicPartition: Int64] {
        var result: [TopicPartition: Int64] = [:]
        for (partition, state) in progress {
            var low: Int64 = 0, high: Int64 = -1
            _ = rd_kafka_get_watermark_offsets(rk, partition.topic, partition.partition, &low, &high)
            let end = max(high, state.high)
            result[partition] = max(0, end - max(state.seen + 1, low))
        }
        return result
    }

    /// Converts a record, or marks its partition done at an end-of-partition event.
    private func take(_ message: UnsafeMutablePointer<rd_kafka_message_t>, _ progress: inout [TopicPartition: Progress]) {
        let m = message.pointee
        guard m.err == RD_KAFKA_RESP_ERR__PARTITION_EOF, let rkt = m.rkt else { return context.take(message) }
        progress[TopicPartition(String(cString: rd_kafka_topic_name(rkt)), m.partition)]?.done = true
        rd_kafka_message_destroy(message)
    }

    /// Marks done each partition whose last expected record arrived and that then stayed quiet.
    private func settleQuietPartitions(_ progress: inout [TopicPartition: Progress]) {
        let now = ContinuousClock.now
        for (key, state) in progress where !state.done && state.seen >= state.high - 1 {
            if let reached = state.reachedAt {
                if now >= reached.advanced(by: settle) { progress[key]?.done = true }
            } else {
                progress[key]?.reachedAt = now
            }
        }
    }
}
