import Kafka
import LeewayTopics
import LeewayCore

/// A rejected record on its way to the dead-letter topic: the original key and bytes,
/// unchanged, with the original headers followed by Leeway's explanation.
public enum DeadLetter {
    /// The dead-letter topic telemetry v1 rejects go to.
    public static let telemetryTopic = TopicNames().deadLetters

    /// Header names, all prefixed `leeway.dlq.`.
    public enum Header {
        /// The reason code, e.g. `out_of_range:sog_kn`.
        public static let reason = "leeway.dlq.reason"
        /// A human explanation.
        public static let detail = "leeway.dlq.detail"
        /// Where the record was read from.
        public static let sourceTopic = "leeway.dlq.source.topic"
        /// The source partition, in decimal.
        public static let sourcePartition = "leeway.dlq.source.partition"
        /// The source offset, in decimal.
        public static let sourceOffset = "leeway.dlq.source.offset"
        /// When it was rejected, RFC 3339 UTC.
        public static let time = "leeway.dlq.time"
        /// Present when the value was cut to ``DeadLetter/maxValueBytes``: its full size, in decimal.
        public static let originalBytes = "leeway.dlq.original.bytes"
    }

    /// The most bytes of a rejected value a dead letter carries. Larger values (rejected as
    /// `too_large` anyway) are cut to this, so the dead letter always fits the broker's
    /// message limit; the whole record stays in its source topic at the source offset.
    public static let maxValueBytes = TelemetryDecoder.maxRecordBytes

    /// The dead-letter record for `record`, refused for `rejection` at `time`.
    public static func record(for record: ConsumerRecord, rejection: TelemetryRejection, at time: EventTime,
                              topic: String = telemetryTopic) -> ProducerRecord {
        let cut = (record.value?.count ?? 0) > maxValueBytes
        return ProducerRecord(
            topic: topic,
            key: record.key.map { Array($0.prefix(maxValueBytes)) },
            value: record.value.map { cut ? Array($0.prefix(maxValueBytes)) : $0 },
            headers: record.headers + (cut ? [KafkaHeader(Header.originalBytes, String(record.value?.count ?? 0))] : []) + [
                KafkaHeader(Header.reason, rejection.code),
                KafkaHeader(Header.detail, rejection.detail),
                KafkaHeader(Header.sourceTopic, record.topic),
                KafkaHeader(Header.sourcePartition, String(record.partition)),
                KafkaHeader(Header.sourceOffset, String(record.offset)),
                KafkaHeader(Header.time, time.description),
            ],
            timestampMilliseconds: record.timestampMilliseconds
        )
    }
}
