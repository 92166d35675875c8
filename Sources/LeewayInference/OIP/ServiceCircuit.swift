import Synchronization

/// Whether a model server is worth calling: after a failed batch, batches fall back at once
/// for a quiet period, then the server's readiness is asked before the next infer.
final class ServiceCircuit: Sendable {
    private let quietPeriod: Duration
    private let state = Mutex<(failedAt: ContinuousClock.Instant?, reason: String)>((nil, ""))

    init(quietPeriod: Duration) { self.quietPeriod = quietPeriod }

    /// What to do before a batch.
    enum Step: Equatable {
        /// Call the server.
        case call
        /// Ask its readiness first.
        case probe
        /// Fall back without a call, for this reason.
        case fallBack(String)
    }

    var next: Step {
        state.withLock { state in
            guard let failedAt = state.failedAt else { return .call }
            let since = ContinuousClock.now - failedAt
            return since < quietPeriod ? .fallBack("\(state.reason) (falling back for \(quietPeriod) before asking again)") : .probe
        }
    }

    func failed(_ reason: String) { state.withLock { $0 = (.now, reason) } }

    func answered() { state.withLock { $0 = (nil, "") } }
}
