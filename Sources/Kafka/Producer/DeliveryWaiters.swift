import Synchronization

/// Tasks waiting for a producer's outstanding records to fall to a level (zero for a flush,
/// below the queue's bound for room to send), resumed by the poll thread as delivery
/// reports arrive, or with `timedOut` at their deadline. No task polls.
final class DeliveryWaiters: Sendable {
    private struct Waiter {
        let level: Int
        let deadline: ContinuousClock.Instant
        let continuation: CheckedContinuation<Bool, Never>
    }

    private let waiting = Mutex<(waiters: [Waiter], closed: Bool)>(([], false))

    /// Returns true once `outstanding()` is at most `level`, false at `deadline`.
    /// `outstanding` is read under the same lock ``resume(outstanding:now:)`` takes, so a
    /// report handled between the check and the wait cannot be missed.
    func wait(until level: Int, deadline: ContinuousClock.Instant, outstanding: @escaping @Sendable () -> Int) async -> Bool {
        await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            let settled = waiting.withLock { state -> Bool? in
                if outstanding() <= level { return true }
                if state.closed || ContinuousClock.now >= deadline { return false }
                state.waiters.append(Waiter(level: level, deadline: deadline, continuation: continuation))
                return nil
            }
            if let settled { continuation.resume(returning: settled) }
        }
    }

    /// Resumes the waiters whose level `outstanding` has reached (true) or whose deadline has
    /// passed (false). Called by the poll thread after each poll, and on close.
    func resume(outstanding: Int, now: ContinuousClock.Instant = .now) {
        let due = waiting.withLock { state -> [(CheckedContinuation<Bool, Never>, Bool)] in
            guard !state.waiters.isEmpty else { return [] }
            var due: [(CheckedContinuation<Bool, Never>, Bool)] = []
            state.waiters.removeAll { waiter in
                if outstanding <= waiter.level {
                    due.append((waiter.continuation, true))
                    return true
                }
                if now >= waiter.deadline {
                    due.append((waiter.continuation, false))
                    return true
                }
                return false
            }
            return due
        }
        for (continuation, reached) in due { continuation.resume(returning: reached) }
    }

    /// Resumes every waiter with false, and from now on answers at once: the producer has
    /// closed and no poll thread will report again.
    func close() {
        let all = waiting.withLock { state in
            state.closed = true
            defer { state.waiters.removeAll() }
            return state.waiters.map(\.continuation)
        }
        for continuation in all { continuation.resume(returning: false) }
    }
}
