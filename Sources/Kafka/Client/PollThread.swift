import Foundation
import Synchronization

/// A dedicated OS thread for librdkafka's blocking polls, so the two-thread cooperative
/// pool never blocks. The body loops until ``requestStop()``; ``stop()`` awaits its exit.
/// `wake` is called after a stop request, to rouse a body blocked on something of its own.
final class PollThread: Sendable {
    private struct Exit {
        var done = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let stopping = Atomic<Bool>(false)
    private let exit = Mutex(Exit())
    private let wake: @Sendable () -> Void

    init(name: String, wake: @escaping @Sendable () -> Void = {}, body: @escaping @Sendable (PollThread) -> Void) {
        self.wake = wake
        let thread = Thread { [self] in
            body(self)
            let waiters = exit.withLock { exit in
                exit.done = true
                defer { exit.waiters.removeAll() }
                return exit.waiters
            }
            waiters.forEach { $0.resume() }
        }
        thread.name = name
        thread.start()
    }

    /// Whether the body should return.
    var isStopping: Bool { stopping.load(ordering: .acquiring) }

    /// Asks the body to return at its next check.
    func requestStop() {
        stopping.store(true, ordering: .releasing)
        wake()
    }

    /// Asks the body to return and suspends, holding no thread, until it has.
    func stop() async {
        requestStop()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let exited = exit.withLock { exit in
                if !exit.done { exit.waiters.append(continuation) }
                return exit.done
            }
            if exited { continuation.resume() }
        }
    }
}
