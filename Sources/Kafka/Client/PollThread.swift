import Dispatch
import Foundation
import Synchronization

/// A dedicated OS thread for librdkafka's blocking polls, so the two-thread cooperative
/// pool never blocks. The body loops until ``requestStop()``; ``stop()`` awaits its exit.
final class PollThread: Sendable {
    private let stopping = Atomic<Bool>(false)
    private let exited = DispatchSemaphore(value: 0)

    init(name: String, body: @escaping @Sendable (PollThread) -> Void) {
        let thread = Thread { [self] in
            body(self)
            exited.signal()
        }
        thread.name = name
        thread.start()
    }

    /// Whether the body should return.
    var isStopping: Bool { stopping.load(ordering: .acquiring) }

    /// Asks the body to return at its next check.
    func requestStop() { stopping.store(true, ordering: .releasing) }

    /// Asks the body to return and waits, off the cooperative pool, until it has.
    func stop() async {
        requestStop()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                self.exited.wait()
                continuation.resume()
            }
        }
    }
}

/// Runs a blocking librdkafka call on a Dispatch thread, off the cooperative pool.
func offloaded<T: Sendable>(_ work: @escaping @Sendable () throws(KafkaError) -> T) async throws(KafkaError) -> T {
    let result: Result<T, KafkaError> = await withCheckedContinuation { continuation in
        DispatchQueue.global().async {
            do throws(KafkaError) { continuation.resume(returning: .success(try work())) } catch {
                continuation.resume(returning: .failure(error))
            }
        }
    }
    return try result.get()
}
