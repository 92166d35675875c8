import Foundation

/// Keeps a client handle alive while callers are inside it: the poll thread closes the
/// gate and waits for callers to leave before it destroys the handle.
final class HandleGate: @unchecked Sendable {
    private let condition = NSCondition()
    private var closed = false
    private var callers = 0

    /// Enters unless closed; pair a true answer with ``leave()``.
    func enter() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if !closed { callers += 1 }
        return !closed
    }

    /// Leaves after a successful ``enter()``.
    func leave() {
        condition.lock()
        callers -= 1
        if callers == 0, closed { condition.broadcast() }
        condition.unlock()
    }

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
        condition.lock()
        defer { condition.unlock() }
        let first = !closed
        closed = true
        while callers > 0 { condition.wait() }
        return first
    }
}
