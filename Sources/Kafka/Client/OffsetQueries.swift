import CRdKafka

/// Offset queries both the group consumer and the partition reader answer (blocking).
enum OffsetQueries {
    /// A partition's low and high watermarks as the broker reports them.
    static func watermarks(_ rk: OpaquePointer, _ partition: TopicPartition, timeout: Duration) throws(KafkaError) -> (low: Int64, high: Int64) {
        var low: Int64 = 0, high: Int64 = 0
        let err = rd_kafka_query_watermark_offsets(rk, partition.topic, partition.partition, &low, &high, Int32(timeout.milliseconds))
        if let error = KafkaError.check(err, operation: "query watermarks of \(partition)") { throw error }
        return (low, high)
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
