import Kafka
import Synchronization

/// Counts the processor's outputs the broker refused. A commit checks it: an input offset
/// is committed only when every output before it was acknowledged.
final class DeliveryLedger: Sendable {
    private let state = Mutex<(failures: Int, first: KafkaError?)>((0, nil))

    /// The producer's delivery handler.
    var handler: @Sendable ([DeliveryReport]) -> Void {
        { reports in
            var failed = 0
            var first: KafkaError?
            for report in reports {
                if let error = report.error {
                    failed += 1
                    if first == nil { first = error }
                }
            }
            guard failed > 0 else { return }
            self.state.withLock { state in
                state.failures += failed
                if state.first == nil { state.first = first }
            }
        }
    }

    /// The first refusal and how many there were, if any.
    var failure: (count: Int, first: KafkaError)? {
        state.withLock { state in state.first.map { (state.failures, $0) } }
    }
}
