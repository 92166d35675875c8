import Foundation
import Synchronization

/// A dedicated OS thread for blocking inference calls (ONNX Runtime's `Run`), so that the
/// cooperative pool never blocks on them. Jobs run one at a time in the order given; the
/// thread ends when the last owner lets go of it.
final class InferenceThread: Sendable {
    private let queue: JobQueue

    /// A thread named `name`.
    init(name: String) {
        let queue = JobQueue()
        self.queue = queue
        let thread = Thread { queue.drain() }
        thread.name = name
        thread.start()
    }

    deinit { queue.close() }

    /// Runs `work` on the thread and returns its result.
    func run<T: Sendable, E: Error>(_ work: @escaping @Sendable () throws(E) -> T) async throws(E) -> T {
        let result: Result<T, E> = await withCheckedContinuation { continuation in
            queue.add { continuation.resume(returning: Result { () throws(E) in try work() }) }
        }
        return try result.get()
    }
}

/// The jobs waiting for an ``InferenceThread``.
private final class JobQueue: Sendable {
    private let jobs = Mutex<(pending: [@Sendable () -> Void], closed: Bool)>(([], false))
    private let signal = DispatchSemaphore(value: 0)

    func add(_ job: @escaping @Sendable () -> Void) {
        jobs.withLock { $0.pending.append(job) }
        signal.signal()
    }

    func close() {
        jobs.withLock { $0.closed = true }
        signal.signal()
    }

    /// Runs jobs as they come until closed and empty.
    func drain() {
        while true {
            signal.wait()
            while let job = jobs.withLock({ $0.pending.isEmpty ? nil : $0.pending.removeFirst() }) { job() }
            if jobs.withLock({ $0.closed && $0.pending.isEmpty }) { return }
        }
    }
}
