import Synchronization

/// Tasks waiting for a producer's outstanding records to fall to a level (zero for a flush,
/// fewer than before for room to send), resumed by the poll thread as delivery reports
/// arrive, or answered false at their deadline. No task polls.
final class DeliveryWaiters: Sendable {
    private struct Waiter {
        let level: Int
        let deadline: ContinuousClock.Instant
        let continuation: CheckedContinuation<Bool, Never>
    }

    private let waiting = Mutex<(waiters: [Waiter], closed: Bool)>(([], false))
    /// Records sent whose delivery report has not been handled yet.
    let outstanding: @Sendable () -> Int

    /// Waiters on the count `outstanding` reads.
    init(outstanding: @escaping @Sendable () -> Int) {
        self.outstanding = outstanding
    }

    /// Returns true once at most `level` records are outstanding, false at `deadline`. The
    /// count is read under the lock ``resume(now:)`` takes, so a report handled between the
    /// check and the wait cannot be missed.
    func wait(until level: Int, deadline: ContinuousClock.Instant) async -> Bool {
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

    /// Resumes the waiters whose level the outstanding count has reached (true) or whose
    /// deadline has passed (false). Called by the poll thread after each poll.
    func resume(now: ContinuousClock.Instant = .now) {
        let due = waiting.withLock { state -> [(CheckedContinuation<Bool, Never>, Bool)] in
            guard !state.waiters.isEmpty else { return [] }
            let count = outstanding()
            var due: [(CheckedContinuation<Bool, Never>, Bool)] = []
            state.waiters.removeAll { waiter in
                guard count <= waiter.level || now >= waiter.deadline else { return false }
                due.append((waiter.continuation, count <= waiter.level))
                return true
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
