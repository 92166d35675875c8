import Synchronization

/// Whether a processor is making progress, for `GET /healthz`: a commit that has waited on
/// the broker's acknowledgements for longer than `patience`, or, while input is quiet, a
/// broker that has not answered a probe for that long, means the broker is unreachable or
/// stalled (the processor keeps waiting and resumes by itself when it answers again).
public final class ProcessorHealth: Sendable {
    private let origin = ContinuousClock.now
    /// Nanoseconds after `origin` at which the running commit began; 0 when none runs.
    private let commitBegan = Atomic<Int64>(0)
    /// Nanoseconds after `origin` since which idle probes of the broker have gone unanswered;
    /// 0 when the broker answered last (a probe, a commit, or records arriving).
    private let unansweredSince = Atomic<Int64>(0)
    /// Whether a probe is on its way.
    private let probing = Atomic<Bool>(false)
    /// Nanoseconds after `origin` at which the last probe began.
    private let probedAt = Atomic<Int64>(0)
    /// How long a commit or a probe may wait before the processor reports itself unhealthy.
    public let patience: Duration
    /// The batch models' calls: which types are on their fallback (degraded, not unhealthy).
    public let modelCalls: ModelCallLog

    /// Health that turns bad after a commit or a probe waits `patience`.
    public init(patience: Duration = .seconds(10), modelCalls: ModelCallLog = ModelCallLog()) {
        self.patience = patience
        self.modelCalls = modelCalls
    }

    /// Why the processor is unhealthy now, or nil when it is healthy.
    public var problem: String? {
        if let waited = waited(since: commitBegan) {
            return "a commit has waited \(waited.components.seconds) s for the broker to acknowledge outputs and offsets"
        }
        if let waited = waited(since: unansweredSince) {
            return "the broker has not answered for \(waited.components.seconds) s while input is quiet"
        }
        return nil
    }

    private func waited(since mark: borrowing Atomic<Int64>) -> Duration? {
        let began = mark.load(ordering: .acquiring)
        guard began > 0 else { return nil }
        let waited = (ContinuousClock.now - origin) - .nanoseconds(began)
        return waited > patience ? waited : nil
    }

    private var now: Int64 { nanoseconds(at: .now) }

    /// Nanoseconds after `origin` at `instant`, at least 1 (0 means none).
    private func nanoseconds(at instant: ContinuousClock.Instant) -> Int64 {
        let elapsed = instant - origin
        return max(1, elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000)
    }

    func beginCommit() { commitWaiting(since: .now) }

    /// The oldest commit point (or offset commit) still waiting for the broker began at
    /// `instant`; nil: none waits.
    func commitWaiting(since instant: ContinuousClock.Instant?) {
        commitBegan.store(instant.map(nanoseconds(at:)) ?? 0, ordering: .releasing)
    }

    func endCommit() {
        commitBegan.store(0, ordering: .releasing)
        answered()
    }

    /// Starts a probe unless one is on its way or one began less than `interval` ago; false then.
    func beginProbe(interval: Duration = .zero) -> Bool {
        let now = self.now
        guard .nanoseconds(now - probedAt.load(ordering: .acquiring)) >= interval,
              probing.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else { return false }
        probedAt.store(now, ordering: .releasing)
        // The clock starts at the first unanswered probe and keeps running through failed ones.
        _ = unansweredSince.compareExchange(expected: 0, desired: now, ordering: .acquiringAndReleasing)
        return true
    }

    /// Ends a probe; `answered` when the broker replied.
    func endProbe(answered reply: Bool) {
        if reply { answered() }
        probing.store(false, ordering: .releasing)
    }

    /// The broker answered (records arrived, a commit or a probe returned).
    func answered() { unansweredSince.store(0, ordering: .releasing) }
}
