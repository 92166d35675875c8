import Synchronization

/// Counts answers given by ``LatestRecordFastPath`` (reported by `GET /v1/status`).
final class AnswerCounter: Sendable {
    private let count = Atomic<Int>(0)

    /// Adds one.
    func increment() { count.add(1, ordering: .relaxed) }

    /// The answers so far.
    var value: Int { count.load(ordering: .relaxed) }
}
