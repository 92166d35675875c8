/// Joins the fragments of multi-sentence AIS messages. Fragments belong together by their
/// tag-block group when the feed has one, else by sequence id and channel. At most
/// `maxPending` messages wait for their fragments; older ones are dropped and counted.
public struct AISAssembler: Sendable {
    /// A complete payload.
    public struct Assembled: Sendable {
        /// The joined armoured payload.
        public var payload: String
        /// Fill bits of the last fragment.
        public var fillBits: Int
        /// Receive time of the first fragment, Unix seconds.
        public var receivedAt: Int64?
    }

    private struct Pending {
        var fragments: [Substring?]
        var receivedAt: Int64?
        var order: Int
    }

    private var pending: [String: Pending] = [:]
    private var counter = 0
    /// The most incomplete messages kept waiting.
    public var maxPending = 4_096
    /// Messages dropped because a fragment never came (or came out of order).
    public private(set) var incomplete = 0

    /// Creates an empty assembler.
    public init() {}

    /// Adds one sentence; returns the payload once every fragment has arrived.
    public mutating func add(_ line: NMEALine) -> Assembled? {
        if line.fragmentCount == 1 {
            return Assembled(payload: String(line.payload), fillBits: line.fillBits, receivedAt: line.receivedAt)
        }
        let key = line.group.map { "g\($0)" } ?? "\(line.sequenceID)/\(line.channel)"
        counter += 1
        var entry = pending[key] ?? Pending(fragments: Array(repeating: nil, count: line.fragmentCount), receivedAt: nil, order: counter)
        if entry.fragments.count != line.fragmentCount || entry.fragments[line.fragmentNumber - 1] != nil {
            incomplete += 1
            entry = Pending(fragments: Array(repeating: nil, count: line.fragmentCount), receivedAt: nil, order: counter)
        }
        entry.fragments[line.fragmentNumber - 1] = line.payload
        entry.receivedAt = entry.receivedAt ?? line.receivedAt
        guard entry.fragments.allSatisfy({ $0 != nil }) else {
            pending[key] = entry
            if pending.count > maxPending { evictOldest() }
            return nil
        }
        pending[key] = nil
        return Assembled(payload: entry.fragments.map { String($0!) }.joined(), fillBits: line.fillBits, receivedAt: entry.receivedAt)
    }

    /// Counts every message still waiting as incomplete (end of input).
    public mutating func finish() {
        incomplete += pending.count
        pending.removeAll()
    }

    private mutating func evictOldest() {
        guard let oldest = pending.min(by: { $0.value.order < $1.value.order }) else { return }
        pending[oldest.key] = nil
        incomplete += 1
    }
}
