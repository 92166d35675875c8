import CRdKafka

/// Conversions between Swift partitions and librdkafka's `rd_kafka_topic_partition_list_t`.
enum TopicPartitionList {
    typealias Pointer = UnsafeMutablePointer<rd_kafka_topic_partition_list_t>

    static func partitions(_ list: Pointer) -> [TopicPartition] {
        (0..<Int(list.pointee.cnt)).map { i in
            let element = list.pointee.elems[i]
            return TopicPartition(String(cString: element.topic), element.partition)
        }
    }

    static func positions(_ list: Pointer) -> [TopicPartitionOffset] {
        (0..<Int(list.pointee.cnt)).map { i in
            let element = list.pointee.elems[i]
            return TopicPartitionOffset(TopicPartition(String(cString: element.topic), element.partition), offset: element.offset)
        }
    }

    /// A new list (destroy with `rd_kafka_topic_partition_list_destroy`).
    static func make(_ partitions: [TopicPartition]) -> Pointer {
        let list = rd_kafka_topic_partition_list_new(Int32(partitions.count))!
        for p in partitions { rd_kafka_topic_partition_list_add(list, p.topic, p.partition) }
        return list
    }

    /// A new list with offsets (destroy with `rd_kafka_topic_partition_list_destroy`).
    static func make(_ positions: [TopicPartitionOffset]) -> Pointer {
        let list = rd_kafka_topic_partition_list_new(Int32(positions.count))!
        for p in positions {
            rd_kafka_topic_partition_list_add(list, p.topicPartition.topic, p.topicPartition.partition).pointee.offset = p.offset
        }
        return list
    }

    /// The first per-partition error in `list`, if any.
    static func firstError(_ list: Pointer, operation: String) -> KafkaError? {
        for i in 0..<Int(list.pointee.cnt) {
            let element = list.pointee.elems[i]
            if let error = KafkaError.check(element.err, operation: "\(operation) \(String(cString: element.topic))[\(element.partition)]") {
                return error
            }
        }
        return nil
    }
}
