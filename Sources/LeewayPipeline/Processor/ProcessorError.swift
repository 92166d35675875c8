import Kafka

/// Why a processor stopped. Its offsets stay uncommitted past the last good commit, so a
/// restart repeats the work instead of losing it.
public enum ProcessorError: Error, CustomStringConvertible {
    /// The state topic has fewer partitions than the telemetry topic: state could not stay
    /// with its vessels.
    case partitionMismatch(telemetry: String, telemetryPartitions: Int, state: String, statePartitions: Int)
    /// A topic the processor needs does not exist.
    case missingTopic(String)
    /// The broker refused outputs; nothing after the last commit is committed.
    case outputsRefused(count: Int, first: KafkaError)
    /// A commit point waited longer than the settle timeout for the broker's acknowledgements.
    case acknowledgementsOverdue(after: Duration)

    public var description: String {
        switch self {
        case let .partitionMismatch(telemetry, telemetryPartitions, state, statePartitions):
            "\(state) has \(statePartitions) partitions but \(telemetry) has \(telemetryPartitions): the state changelog needs at least as many (run `leeway topics apply`)"
        case .missingTopic(let topic):
            "topic \(topic) does not exist (run `leeway topics apply`)"
        case let .outputsRefused(count, first):
            "the broker refused \(count) outputs (first: \(first)); stopping without committing them"
        case .acknowledgementsOverdue(let after):
            "outputs or changelog records still unacknowledged after \(after); stopping without committing them"
        }
    }
}
