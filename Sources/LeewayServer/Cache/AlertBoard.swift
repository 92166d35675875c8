import Foundation
import Hummingbird
import LeewayCore
import Synchronization

/// The drift alerts as the alert topic last stated each one (firing or resolved), and the
/// live feed of changes for server-sent-event subscribers.
public final class AlertBoard: Sendable {
    /// One alert's latest record.
    public struct Entry: Sendable {
        /// The alert's id (its record key).
        public var id: String
        /// `firing` or `resolved`.
        public var status: String
        /// The vessel's type (every alert names one).
        public var vesselType: String
        /// The vessel, for a vessel-level alert.
        public var vesselID: String?
        /// `warning` or `critical`.
        public var severity: String
        /// When it started firing (RFC 3339), for ordering.
        public var startsAt: String
        /// The alert record v1, as read.
        public var body: ByteBuffer
        /// The order the cache learned it in.
        public var sequence: Int
    }

    /// A change as subscribers see it.
    public struct Event: Sendable {
        /// The change's sequence number (the SSE event id).
        public var sequence: Int
        /// The alert record.
        public var body: ByteBuffer
    }

    private struct State {
        var alerts: [String: Entry] = [:]
        /// Per partition of the alerts topic, the offset after the last record applied: a
        /// feed that reads the topic again from its start (after an interruption) repeats
        /// nothing to subscribers.
        var next: [Int32: Int64] = [:]
        var sequence = 0
        var subscribers: [Int: AsyncStream<Event>.Continuation] = [:]
        var nextSubscriber = 0
        var closed = false
    }

    private let state = Mutex(State())
    /// Resolved alerts kept for `GET /v1/alerts?status=resolved`; older ones are dropped first.
    public let resolvedLimit: Int
    /// Changes buffered per subscriber; a client that falls further behind misses the oldest.
    public let subscriberBuffer: Int

    /// An empty board.
    public init(resolvedLimit: Int = 10_000, subscriberBuffer: Int = 1_024) {
        self.resolvedLimit = resolvedLimit
        self.subscriberBuffer = subscriberBuffer
    }

    /// Every alert with `status` (all when nil), newest first, then by id: the same order on
    /// every instance (arrival order across partitions is not).
    public func alerts(status: String?, vesselType: String? = nil) -> [Entry] {
        state.withLock { state in
            state.alerts.values.filter { entry in
                (status == nil || entry.status == status) && (vesselType == nil || entry.vesselType == vesselType)
            }
        }.sorted { $0.startsAt != $1.startsAt ? $0.startsAt > $1.startsAt : $0.id < $1.id }
    }

    /// How many alerts fire now.
    public var firingCount: Int { state.withLock { $0.alerts.values.count { $0.status == "firing" } } }

    /// The firing alerts now and every change after, in order, until ``close()``; the
    /// stream ends when the board closes.
    public func subscribe() -> (firing: [Entry], changes: AsyncStream<Event>) {
        let (stream, continuation) = AsyncStream<Event>.makeStream(bufferingPolicy: .bufferingNewest(subscriberBuffer))
        let firing: [Entry] = state.withLock { state in
            guard !state.closed else {
                continuation.finish()
                return []
            }
            let id = state.nextSubscriber
            state.nextSubscriber += 1
            state.subscribers[id] = continuation
            continuation.onTermination = { [weak self] _ in
                _ = self?.state.withLock { $0.subscribers.removeValue(forKey: id) }
            }
            return state.alerts.values.filter { $0.status == "firing" }.sorted { $0.sequence < $1.sequence }
        }
        return (firing, stream)
    }

    /// How many clients follow the stream now.
    public var subscriberCount: Int { state.withLock { $0.subscribers.count } }

    /// Ends every subscription (at shutdown, so that open streams let the server stop).
    public func close() {
        let subscribers = state.withLock { state in
            state.closed = true
            defer { state.subscribers.removeAll() }
            return Array(state.subscribers.values)
        }
        for subscriber in subscribers { subscriber.finish() }
    }

    /// Applies the record at `offset` of the alerts topic's `partition`; false when it is not
    /// an alert record v1. A record at or before one already applied from its partition is
    /// skipped (a re-read after an interruption). A tombstone (the processor withdrew the
    /// alert: its vessel was forgotten) removes the alert; if it was firing, subscribers get
    /// it as resolved (see ``withdrawn(_:at:)``).
    @discardableResult
    func apply(key: [UInt8]?, value: [UInt8]?, partition: Int32, offset: Int64) -> Bool {
        guard let value else {
            guard let key else { return false }
            change(partition: partition, offset: offset) { state, _ in
                guard let removed = state.alerts.removeValue(forKey: String(decoding: key, as: UTF8.self)),
                      removed.status == "firing" else { return nil }
                return Self.withdrawn(removed.body, at: .now)
            }
            return true
        }
        guard let record = AlertRecord.decode(value), let type = record.label("vessel_type"),
              let severity = record.label("severity") else { return false }
        let body = ByteBuffer(bytes: value)
        change(partition: partition, offset: offset) { state, sequence in
            state.alerts[record.id] = Entry(id: record.id, status: record.status.rawValue, vesselType: type, vesselID: record.label("vessel_id"),
                                            severity: severity, startsAt: record.startsAt, body: body, sequence: sequence)
            if record.status == .resolved { trimResolved(&state) }
            return body
        }
        return true
    }

    /// Under one lock: skips the record at `offset` of `partition` when one at or after it was
    /// applied, else runs `body` with the next sequence number and, when it returns a record,
    /// takes that number and hands the record to every subscriber (after the lock).
    private func change(partition: Int32, offset: Int64, _ body: (inout State, Int) -> ByteBuffer?) {
        let (subscribers, event) = state.withLock { state -> ([AsyncStream<Event>.Continuation], Event?) in
            guard offset >= state.next[partition, default: 0] else { return ([], nil) }
            state.next[partition] = offset + 1
            guard let record = body(&state, state.sequence + 1) else { return ([], nil) }
            state.sequence += 1
            return (Array(state.subscribers.values), Event(sequence: state.sequence, body: record))
        }
        if let event { for subscriber in subscribers { subscriber.yield(event) } }
    }

    /// Drops the oldest resolved alerts beyond ``resolvedLimit`` (a tenth at a time).
    private func trimResolved(_ state: inout State) {
        let resolved = state.alerts.values.count { $0.status == "resolved" }
        guard resolved > resolvedLimit else { return }
        let oldest = state.alerts.values.filter { $0.status == "resolved" }.sorted { $0.sequence < $1.sequence }
        for entry in oldest.prefix(resolved - resolvedLimit + resolvedLimit / 10) { state.alerts[entry.id] = nil }
    }
}
