import LeewayCore

/// At most `limit` calls at once: waiters queue in order (the queue is bounded by the
/// callers, each awaiting its own call).
actor CallLimit {
    private let limit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(_ limit: Int) { self.limit = max(1, limit) }

    /// Runs `work` once fewer than `limit` calls run.
    func run<T: Sendable>(_ work: @Sendable () async throws(ModelCallError) -> T) async throws(ModelCallError) -> T {
        if running >= limit { await withCheckedContinuation { waiting.append($0) } } else { running += 1 }
        defer {
            if waiting.isEmpty { running -= 1 } else { waiting.removeFirst().resume() }
        }
        return try await work()
    }
}
