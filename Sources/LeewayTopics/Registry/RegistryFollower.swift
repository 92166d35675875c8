import Kafka
import LeewayCore
import LeewayModels
import Logging
import ServiceLifecycle
import Synchronization

/// The model registry followed for a process's life by one long-lived reader: every type's
/// latest record as the topic holds it (committed transactions only), and a signal at each
/// change, so that an approval reaches a processor as soon as the registry has it.
public final class RegistryFollower: Service, Sendable {
    private struct State {
        var records: [VesselType: RegistryRecord] = [:]
        var caughtUp = false
        var subscribers: [Int: AsyncStream<Void>.Continuation] = [:]
        var nextSubscriber = 0
    }

    private let registry: ModelRegistry
    private let retryDelay: Duration
    private let logger: Logger
    private let state = Mutex(State())

    /// A follower of `registry`'s topic; after a failure it reads again from the start after `retryDelay`.
    public init(registry: ModelRegistry, retryDelay: Duration = .seconds(2), logger: Logger = Logger(label: "leeway.models")) {
        self.registry = registry
        self.retryDelay = retryDelay
        self.logger = logger
    }

    /// Every type's latest record read so far.
    public var records: [VesselType: RegistryRecord] { state.withLock { $0.records } }

    /// Whether the topic has been read to its end once.
    public var isCaughtUp: Bool { state.withLock { $0.caughtUp } }

    /// An element at each change of ``records`` once caught up (changes that come faster
    /// than they are read coalesce into one), starting with one at once if caught up already;
    /// the stream ends when the follower stops.
    public func changes() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let caughtUp = state.withLock { state in
            state.subscribers[state.nextSubscriber] = continuation
            state.nextSubscriber += 1
            return state.caughtUp
        }
        if caughtUp { continuation.yield() }
        return stream
    }

    /// Follows until graceful shutdown, reading again from the start after a failure.
    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await cancelWhenGracefulShutdown { try await self.follow() }
            } catch {
                logger.warning("cannot follow the model registry; reading again shortly",
                               metadata: ["topic": "\(registry.topic)", "error": "\(error)"])
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: self.retryDelay) }
            }
        }
        let subscribers = state.withLock { state in
            defer { state.subscribers.removeAll() }
            return state.subscribers.values
        }
        for subscriber in subscribers { subscriber.finish() }
    }

    private func follow() async throws {
        let reader = try KafkaPartitionReader(configuration: registry.readerConfiguration, logger: logger)
        defer { reader.close() }
        let control = FollowControl(onEnd: { [self] _ in
            state.withLock { $0.caughtUp = true }
            wake()
        })
        _ = try await reader.follow([TopicPartition(registry.topic, 0)], control: control) { [self] batch in
            var changed: [VesselType: RegistryRecord?] = [:]
            for record in batch {
                let key = String(decoding: record.key ?? [], as: UTF8.self)
                guard let type = VesselType(rawValue: key) else { continue }
                guard let value = record.value else {
                    changed[type] = .some(nil)
                    continue
                }
                do {
                    changed[type] = try ModelRegistry.record(key: key, value: value)
                } catch {
                    logger.warning("unreadable registry record; skipped", metadata: ["key": "\(key)", "error": "\(error)"])
                }
            }
            guard !changed.isEmpty else { return }
            state.withLock { state in for (type, record) in changed { state.records[type] = record } }
            wake()
        }
    }

    /// Tells subscribers, once caught up.
    private func wake() {
        let subscribers = state.withLock { state in state.caughtUp ? Array(state.subscribers.values) : [] }
        for subscriber in subscribers { subscriber.yield() }
    }
}
