/// What a group member sees, in order, on one sequence: records, and the partition changes
/// around them. The consumer waits for the next `next()` before it hands a revoked
/// partition over, so outputs can be flushed and offsets committed first.
public enum ConsumerEvent: Sendable {
    /// Records, in partition order, from partitions this member owns.
    case records([ConsumerRecord])
    /// Partitions given to this member. Restore their state (or pause them) now: no record
    /// of theirs is prepared until the application asks for the next event.
    case assigned([TopicPartition])
    /// Partitions being taken away. Flush outputs and commit before asking for the next event.
    case revoked([TopicPartition])
    /// Partitions lost without an orderly revoke (the member was evicted): another member
    /// may already own them, so do not commit for them.
    case lost([TopicPartition])
    /// No record arrived for ``KafkaConsumerConfiguration/idleEventInterval`` while the
    /// application waited: a chance to run periodic work (commit what is processed) on
    /// the iterating task. Only sent when that interval is set.
    case idle
}
