@testable import Kafka
import Synchronization
import Testing

/// Flushes and senders waiting for room are resumed by delivery reports, never by polling.
@Suite("Delivery waiters")
struct DeliveryWaitersTests {
    final class Outstanding: Sendable {
        let value = Atomic<Int>(0)
        func read() -> Int { value.load(ordering: .acquiring) }
    }

    @Test("a waiter is resumed when the reports bring the outstanding count to its level, not before")
    func resumedAtLevel() async {
        let outstanding = Outstanding()
        let waiters = DeliveryWaiters(outstanding: outstanding.read)
        outstanding.value.store(10, ordering: .releasing)
        let resumed = Outstanding()
        let waiting = Task {
            let reached = await waiters.wait(until: 0, deadline: .now.advanced(by: .seconds(60)))
            resumed.value.store(1, ordering: .releasing)
            return reached
        }
        // Reports that leave records outstanding do not resume it.
        for level in [7, 3, 1] {
            outstanding.value.store(level, ordering: .releasing)
            waiters.resume()
        }
        try? await Task.sleep(for: .milliseconds(50))
        #expect(resumed.read() == 0)
        outstanding.value.store(0, ordering: .releasing)
        waiters.resume()
        #expect(await waiting.value)
    }

    @Test("a waiter already at its level returns at once")
    func alreadyThere() async {
        let outstanding = Outstanding()
        let waiters = DeliveryWaiters(outstanding: outstanding.read)
        #expect(await waiters.wait(until: 0, deadline: .now.advanced(by: .seconds(60))))
    }

    @Test("a waiter past its deadline is answered false at the next report check")
    func deadline() async {
        let outstanding = Outstanding()
        let waiters = DeliveryWaiters(outstanding: outstanding.read)
        outstanding.value.store(5, ordering: .releasing)
        let deadline = ContinuousClock.now.advanced(by: .milliseconds(20))
        let waiting = Task { await waiters.wait(until: 0, deadline: deadline) }
        try? await Task.sleep(for: .milliseconds(40))
        waiters.resume()
        #expect(await waiting.value == false)
    }

    @Test("closing answers every waiter false, and later waiters at once")
    func closing() async {
        let outstanding = Outstanding()
        let waiters = DeliveryWaiters(outstanding: outstanding.read)
        outstanding.value.store(5, ordering: .releasing)
        let waiting = Task { await waiters.wait(until: 0, deadline: .now.advanced(by: .seconds(60))) }
        try? await Task.sleep(for: .milliseconds(20))
        waiters.close()
        #expect(await waiting.value == false)
        #expect(await waiters.wait(until: 0, deadline: .now.advanced(by: .seconds(60))) == false)
    }
}
