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

    /// Closes the gate and blocks until every caller has left.
    func closeAndDrain() {
        while state.withLock({ state in
            state.closed = true
            return state.callers > 0
        }) {
            Thread.sleep(forTimeInterval: 0.001)
        }
    }
}
