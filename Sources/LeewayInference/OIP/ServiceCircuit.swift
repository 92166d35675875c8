import Synchronization

/// Whether a model server is worth calling. After a failed batch the circuit opens:
/// batches fall back at once, without a call, while a background task asks the server's
/// readiness every quiet period; the first ready answer closes it. The record path never
/// waits on a server known to be down.
final class ServiceCircuit: Sendable {
    private let quietPeriod: Duration
    private let state = Mutex<(open: Bool, reason: String, probing: Bool)>((false, "", false))

    init(quietPeriod: Duration) { self.quietPeriod = quietPeriod }

    /// Why batches fall back now, or nil when the server may be called.
    var openReason: String? {
        state.withLock { $0.open ? "\($0.reason) (falling back until the model answers ready)" : nil }
    }

    /// A batch failed for `reason`: opens the circuit and, unless one runs, starts asking
    /// `ready` every quiet period until it answers true or this circuit is gone.
    func failed(_ reason: String, ready: @escaping @Sendable () async -> Bool) {
        let start = state.withLock { state -> Bool in
            state.open = true
            state.reason = reason
            defer { state.probing = true }
            return !state.probing
        }
        guard start else { return }
        let quietPeriod = quietPeriod
        Task { [weak self] in
            while true {
                try? await Task.sleep(for: quietPeriod)
                guard self != nil else { return }
                if await ready() {
                    self?.closed()
                    return
                }
            }
        }
    }

    private func closed() { state.withLock { $0 = (false, "", false) } }
}
