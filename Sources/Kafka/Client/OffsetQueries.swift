import CRdKafka
#if canImport(Glibc)
import Glibc
#endif

/// Offset queries both the group consumer and the partition reader answer (blocking).
enum OffsetQueries {
    /// A partition's low and high watermarks as the broker reports them. A retriable answer
    /// (the leader moved, a broker went away) is asked again, with backoff, until `timeout`:
    /// librdkafka refreshes its metadata meanwhile. Leaders move in every rolling restart, and
    /// a restore that gave up on the first NOT_LEADER stopped the processor.
    static func watermarks(_ rk: OpaquePointer, _ partition: TopicPartition, timeout: Duration) throws(KafkaError) -> (low: Int64, high: Int64) {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        var backoff = Duration.milliseconds(100)
        while true {
            var low: Int64 = 0, high: Int64 = 0
            let remaining = max(deadline - ContinuousClock.now, .milliseconds(1))
            let err = rd_kafka_query_watermark_offsets(rk, partition.topic, partition.partition, &low, &high, Int32(remaining.milliseconds))
            guard let error = KafkaError.check(err, operation: "query watermarks of \(partition)") else { return (low, high) }
            guard error.isRetriable, ContinuousClock.now.advanced(by: backoff) < deadline else { throw error }
            usleep(UInt32(backoff.milliseconds * 1000))
            backoff = min(backoff * 2, .seconds(1))
        }
    }

    /// The client's group's committed positions for `partitions` (offset -1001 when none).
    static func committed(_ rk: OpaquePointer, _ partitions: [TopicPartition], timeout: Duration) throws(KafkaError) -> [TopicPartitionOffset] {
        let list = TopicPartitionList.make(partitions)
        defer { rd_kafka_topic_partition_list_destroy(list) }
        if let error = KafkaError.check(rd_kafka_committed(rk, list, Int32(timeout.milliseconds)), operation: "fetch committed offsets") {
            throw error
        }
        return TopicPartitionList.positions(list)
    }
}
