import Kafka
import LeewayCore

/// The first step of the per-record pass: decode and validate telemetry v1, or turn the
/// record into a dead letter. Nothing invalid goes further; nothing is dropped.
public struct TelemetryIntake: Sendable {
    /// What became of one record.
    public enum Outcome: Sendable {
        /// Valid telemetry, ready for the vessel's state.
        case accepted(Telemetry)
        /// Refused: send this record to the dead-letter topic.
        case rejected(ProducerRecord, TelemetryRejection)
    }

    /// The dead-letter topic.
    public var deadLetterTopic: String

    /// Creates an intake that sends rejects to `deadLetterTopic`.
    public init(deadLetterTopic: String = DeadLetter.telemetryTopic) {
        self.deadLetterTopic = deadLetterTopic
    }

    /// Decodes `record`; `now` stamps a rejection.
    public func admit(_ record: ConsumerRecord, now: @autoclosure () -> EventTime) -> Outcome {
        guard let value = record.value else {
            let rejection = TelemetryRejection(.malformedJSON, "the record has no value (a tombstone)")
            return .rejected(DeadLetter.record(for: record, rejection: rejection, at: now(), topic: deadLetterTopic), rejection)
        }
        do {
            return .accepted(try TelemetryDecoder.decode(value))
        } catch {
            return .rejected(DeadLetter.record(for: record, rejection: error, at: now(), topic: deadLetterTopic), error)
        }
    }
}
