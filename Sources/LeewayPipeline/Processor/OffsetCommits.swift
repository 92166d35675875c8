import Kafka
import Synchronization

/// The processor's offset commits, off the record path: one at a time on its way to the
/// broker, in the background. Offsets stored while one is on its way go with the next.
/// Used only from the processor's task; the outcome comes back through ``collect()``.
final class OffsetCommits {
    /// Where a background commit leaves its outcome.
    private final class Outcome: Sendable {
        private let value = Mutex<Result<Void, KafkaError>?>(nil)

        func set(_ result: Result<Void, KafkaError>) { value.withLock { $0 = result } }

        func take() -> Result<Void, KafkaError>? { value.withLock { value in defer { value = nil }; return value } }

        /// Commits `consumer`'s stored offsets and keeps the outcome.
        func commit(_ consumer: KafkaConsumer) async { set(await commitStored(consumer)) }
    }

    private let consumer: KafkaConsumer
    private let outcome = Outcome()
    private var running: Task<Void, Never>?
    /// Whether offsets were stored after the running commit began.
    private var again = false
    /// When the commit on its way began; nil when none is.
    private(set) var inFlightSince: ContinuousClock.Instant?

    init(consumer: KafkaConsumer) { self.consumer = consumer }

    /// Commits the stored offsets now, or right after the commit on its way.
    func request() {
        if inFlightSince == nil { start() } else { again = true }
    }

    /// The outcome of a commit that finished since the last call; starts the next one when
    /// offsets were stored meanwhile.
    func collect() -> Result<Void, KafkaError>? {
        guard inFlightSince != nil, let result = outcome.take() else {
            return nil
        }
        (running, inFlightSince) = (nil, nil)
        if again { start() }
        return result
    }

    /// Waits for the commit on its way, then commits what is stored now, and returns both
    /// outcomes in order.
    func finish() async -> [Result<Void, KafkaError>] {
        var outcomes: [Result<Void, KafkaError>] = []
        if let running {
            await running.value
            again = false
            if let result = collect() { outcomes.append(result) }
        }
        outcomes.append(await commitStored(consumer))
        return outcomes
    }

    private func start() {
        (inFlightSince, again) = (.now, false)
        running = Task { [consumer, outcome] in await outcome.commit(consumer) }
    }
}

/// Commits `consumer`'s stored offsets; the outcome as a value (typed throws and `catch`
/// clauses with conditions crash this compiler).
private func commitStored(_ consumer: KafkaConsumer) async -> Result<Void, KafkaError> {
    do {
        try await consumer.commit()
        return .success(())
    } catch {
        return .failure(error)
    }
}
