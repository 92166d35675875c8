import Foundation
import Synchronization

/// Keeps a client handle alive while callers are inside it: the poll thread closes the
/// gate and waits for callers to leave before it destroys the handle.
final class HandleGate: Sendable {
    private struct State {
        var closed = false
        var callers = 0
    }

    private let state = Mutex(State())

    /// Enters unless closed; pair a true answer with ``leave()``.
    func enter() -> Bool {
        state.withLock { state in
            if !state.closed { state.callers += 1 }
            return !state.closed
        }
    }

    /// Leaves after a successful ``enter()``.
    func leave() { state.withLock { $0.callers -= 1 } }

    /// Runs `body` inside the gate, or throws `destroyed` naming `client` once it has closed.
    func run<T>(_ client: String, _ operation: @autoclosure () -> String,
                _ body: () throws(KafkaError) -> T) throws(KafkaError) -> T {
        guard enter() else { throw KafkaError(.destroyed, "the \(client) is closed", operation: operation()) }
        defer { leave() }
        return try body()
    }

    /// Closes the gate and blocks until every caller has left; false if it was closed already.
    @discardableResult
    func closeAndDrain() -> Bool {
        let first = state.withLock { state in
            defer { state.closed = true }
            return !state.closed
        }
        while state.withLock({ $0.callers > 0 }) {
            Thread.sleep(forTimeInterval: 0.001)
        }
        return first
    }
}
