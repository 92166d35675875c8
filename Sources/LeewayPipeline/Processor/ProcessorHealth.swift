import Synchronization

/// Whether a processor is making progress, for `GET /healthz`: a commit that has waited on
/// the broker's acknowledgements for longer than `patience` means the broker is unreachable
/// or stalled (the processor keeps waiting and resumes by itself when it answers again).
public final class ProcessorHealth: Sendable {
    private let origin = ContinuousClock.now
    /// Nanoseconds after `origin` at which the running commit began; 0 when none runs.
    private let commitBegan = Atomic<Int64>(0)
    /// How long a commit may wait before the processor reports itself unhealthy.
    public let patience: Duration

    /// Health that turns bad after a commit waits `patience`.
    public init(patience: Duration = .seconds(10)) {
        self.patience = patience
    }

    /// Why the processor is unhealthy now, or nil when it is healthy.
    public var problem: String? {
        let began = commitBegan.load(ordering: .acquiring)
        guard began > 0 else { return nil }
        let waited = (ContinuousClock.now - origin) - .nanoseconds(began)
        guard waited > patience else { return nil }
        return "a commit has waited \(waited.components.seconds) s for the broker to acknowledge outputs and offsets"
    }

    func beginCommit() {
        let elapsed = ContinuousClock.now - origin
        commitBegan.store(max(1, elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000),
                          ordering: .releasing)
    }

    func endCommit() { commitBegan.store(0, ordering: .releasing) }
}
