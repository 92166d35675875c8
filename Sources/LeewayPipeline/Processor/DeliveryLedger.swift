import Kafka
import Synchronization

/// The broker's answers for the processor's outputs, counted per token (a commit's outputs
/// or its changelog records, ``OutputEpochs``), and the outputs it refused. Filled by the
/// producer's poll thread, read by the processor's task: an input offset is committed only
/// when every output before it was acknowledged.
final class DeliveryLedger: Sendable {
    private struct State {
        var reported: [UInt64: Int] = [:]
        var failures = 0
        var first: KafkaError?
    }

    private let state = Mutex(State())

    /// The producer's delivery handler.
    var handler: @Sendable ([DeliveryReport]) -> Void {
        { reports in
            // Reports come in runs of one token: count runs, take the lock once.
            var runs: [(token: UInt64, count: Int)] = []
            var failed = 0
            var first: KafkaError?
            for report in reports {
                if let last = runs.last, last.token == report.token {
                    runs[runs.count - 1].count += 1
                } else {
                    runs.append((report.token, 1))
                }
                if let error = report.error {
                    failed += 1
                    if first == nil { first = error }
                }
            }
            self.state.withLock { state in
                for run in runs { state.reported[run.token, default: 0] += run.count }
                state.failures += failed
                if state.first == nil { state.first = first }
            }
        }
    }

    /// Records of `token` reported so far (acknowledged or refused).
    func reported(_ token: UInt64) -> Int {
        state.withLock { $0.reported[token] ?? 0 }
    }

    /// Drops the count of `token` once it is no longer asked for.
    func forget(_ token: UInt64) {
        _ = state.withLock { $0.reported.removeValue(forKey: token) }
    }

    /// The first refusal and how many there were, if any.
    var failure: (count: Int, first: KafkaError)? {
        state.withLock { state in state.first.map { (state.failures, $0) } }
    }
}
