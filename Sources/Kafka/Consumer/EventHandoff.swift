import Foundation

/// The consumer's bounded hand-over between its poll thread and the application's task:
/// the poll thread produces an event only when the application is waiting for one, so no
/// Swift-side queue ever grows. A state machine guarded by one condition variable.
final class EventHandoff: @unchecked Sendable {
    private enum State {
        /// Nobody is waiting.
        case idle
        /// The application awaits the next event.
        case waiting(CheckedContinuation<ConsumerEvent?, any Error>)
        /// The sequence ended; every `next()` returns nil.
        case finished
    }

    private let condition = NSCondition()
    private var state = State.idle
    /// Live iterators; with none, nobody will ask for the event being offered.
    private var iterators = 0

    // MARK: Poll thread side

    /// Blocks until the application asks for an event (true), or `giveUp` says so (false;
    /// whoever makes `giveUp` true calls ``wake()`` after). With `unlessAbandoned`, also
    /// returns false at once when no iterator is alive.
    func waitForDemand(unlessAbandoned: Bool = true, giveUp: () -> Bool = { false }) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if case .waiting = state { return true }
            if (unlessAbandoned && iterators == 0) || giveUp() { return false }
            if case .finished = state { return false }
            condition.wait()
        }
    }

    /// Rouses ``waitForDemand(unlessAbandoned:giveUp:)`` to look at its `giveUp` again.
    func wake() {
        condition.lock()
        condition.broadcast()
        condition.unlock()
    }

    /// Whether the application is waiting for an event right now.
    var isWaiting: Bool {
        condition.lock()
        defer { condition.unlock() }
        if case .waiting = state { return true }
        return false
    }

    /// Hands `event` to the waiting application; false if nobody was waiting.
    @discardableResult
    func deliver(_ event: ConsumerEvent) -> Bool {
        condition.lock()
        guard case .waiting(let continuation) = state else {
            condition.unlock()
            return false
        }
        state = .idle
        condition.unlock()
        continuation.resume(returning: event)
        return true
    }

    /// Waits for demand and delivers; false if the application is gone.
    @discardableResult
    func deliverWhenAsked(_ event: ConsumerEvent) -> Bool {
        waitForDemand() && deliver(event)
    }

    /// Ends the sequence.
    func finish() {
        condition.lock()
        let previous = state
        state = .finished
        condition.broadcast()
        condition.unlock()
        if case .waiting(let continuation) = previous { continuation.resume(returning: nil) }
    }

    // MARK: Application side

    /// The next event, or nil once the consumer has closed.
    func next() async throws -> ConsumerEvent? {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                condition.lock()
                switch state {
                case .finished:
                    condition.unlock()
                    continuation.resume(returning: nil)
                case .waiting:
                    condition.unlock()
                    continuation.resume(throwing: KafkaError.misuse(
                        "another task is already iterating this consumer", operation: "next event"))
                case .idle where Task.isCancelled:
                    condition.unlock()
                    continuation.resume(throwing: CancellationError())
                case .idle:
                    state = .waiting(continuation)
                    condition.broadcast()
                    condition.unlock()
                }
            }
        } onCancel: {
            condition.lock()
            guard case .waiting(let continuation) = state else {
                condition.unlock()
                return
            }
            state = .idle
            condition.unlock()
            continuation.resume(throwing: CancellationError())
        }
    }

    /// Whether an iterator is alive.
    var hasIterator: Bool {
        condition.lock()
        defer { condition.unlock() }
        return iterators > 0
    }

    /// An iterator was made.
    func adopt() {
        condition.lock()
        iterators += 1
        condition.unlock()
    }

    /// An iterator was released; with none left the poll thread stops offering events.
    func abandon() {
        condition.lock()
        iterators -= 1
        condition.broadcast()
        condition.unlock()
    }
}
