import Hummingbird
import LeewayCore
import Synchronization

/// The latest prediction and feature record of every vessel, as read from the compacted
/// result topics. Readers get the stored bytes; nothing is re-encoded per request.
public final class FleetCache: Sendable {
    /// What the cache holds for one vessel.
    public struct Vessel: Sendable {
        /// The vessel's type, as its latest record names it.
        public var type: VesselType
        /// The latest prediction record, if any.
        public var prediction: CachedRecord?
        /// The latest feature record, if any.
        public var features: CachedRecord?
    }

    struct State {
        var vessels: [String: Vessel] = [:]
        /// Vessel ids in order, rebuilt on the first listing after a vessel came or went.
        var sorted: [String]?
        /// Vessels dropped because the cache was full.
        var evicted = 0
    }

    let state = Mutex(State())
    /// The most vessels held; past it the least recently updated ones are evicted.
    public let maxVessels: Int

    /// An empty cache that holds at most `maxVessels` vessels.
    public init(maxVessels: Int = 500_000) {
        self.maxVessels = max(1, maxVessels)
    }

    /// The vessel `id`, if the cache has heard of it.
    public func vessel(_ id: String) -> Vessel? {
        state.withLock { $0.vessels[id] }
    }

    /// How many vessels the cache holds.
    public var count: Int { state.withLock { $0.vessels.count } }

    /// Up to `limit` vessels after `cursor` (a vessel id) in id order, optionally of one
    /// type, and the id to continue after (nil on the last page).
    public func page(type: VesselType?, after cursor: String?, limit: Int) -> (vessels: [(id: String, vessel: Vessel)], next: String?) {
        state.withLock { state in
            if state.sorted == nil { state.sorted = state.vessels.keys.sorted() }
            let ids = state.sorted ?? []
            var index = cursor.map { cursor in ids.partitionPoint { $0 <= cursor } } ?? 0
            var result: [(id: String, vessel: Vessel)] = []
            result.reserveCapacity(min(limit, ids.count))
            while index < ids.count, result.count < limit {
                if let vessel = state.vessels[ids[index]], type == nil || vessel.type == type {
                    result.append((ids[index], vessel))
                }
                index += 1
            }
            let more = ids[index...].contains { id in type == nil || state.vessels[id]?.type == type }
            return (result, more ? result.last?.id : nil)
        }
    }

    /// Which record of a vessel a topic carries.
    enum Slot { case prediction, features }

    /// Applies a record of the predictions or features topic: the latest replaces the
    /// previous; a tombstone forgets it. Returns false for a record without a usable key
    /// or vessel type.
    @discardableResult
    func apply(_ slot: Slot, key: [UInt8]?, value: [UInt8]?, partition: Int32, offset: Int64, timestamp: Int64?) -> Bool {
        // Keys outside the vessel-id alphabet are refused (and counted by the feed): ids are
        // written into JSON and URLs unescaped.
        guard let key, VesselID.isValid(key), let id = String(validating: key, as: UTF8.self) else { return false }
        guard let value else {
            state.withLock { state in
                guard var vessel = state.vessels[id] else { return }
                switch slot {
                case .prediction: vessel.prediction = nil
                case .features: vessel.features = nil
                }
                if vessel.prediction == nil && vessel.features == nil {
                    state.vessels[id] = nil
                    state.sorted = nil
                } else {
                    state.vessels[id] = vessel
                }
            }
            return true
        }
        guard let type = Self.vesselType(in: value) else { return false }
        let record = CachedRecord(value: value, partition: partition, offset: offset, timestampMilliseconds: timestamp,
                                  eventTime: Self.eventTime(in: value, slot))
        state.withLock { state in
            if state.vessels[id] == nil {
                state.sorted = nil
                if state.vessels.count >= maxVessels { Self.evict(&state, keeping: maxVessels * 9 / 10) }
            }
            var vessel = state.vessels[id] ?? Vessel(type: type)
            vessel.type = type
            switch slot {
            case .prediction: vessel.prediction = record
            case .features: vessel.features = record
            }
            state.vessels[id] = vessel
        }
        return true
    }

    /// The `vessel_type` member of a prediction or feature record (both written by Leeway,
    /// where the member appears once, unescaped).
    static func vesselType(in value: [UInt8]) -> VesselType? {
        member(#""vessel_type":""#, in: value).flatMap { VesselType(rawValue: String(decoding: value[$0], as: UTF8.self)) }
    }

    /// The event time of the report behind a record, seconds since 1970: a prediction's `ts`,
    /// a feature record's `feature_time` (written by Leeway, once, unescaped).
    static func eventTime(in value: [UInt8], _ slot: Slot) -> Double? {
        guard let range = member(slot == .prediction ? #""ts":""# : #""feature_time":""#, in: value) else { return nil }
        let time = value[range].withUnsafeBytes { EventTime(rfc3339: $0) }
        return time.map { Double($0.microseconds) / 1e6 }
    }

    /// The bytes of the string member that `marker` (`"name":"`) opens, up to its closing quote.
    private static func member(_ marker: StaticString, in value: [UInt8]) -> Range<Int>? {
        let marker = UnsafeBufferPointer(start: marker.utf8Start, count: marker.utf8CodeUnitCount)
        guard value.count > marker.count else { return nil }
        var start = 0
        while start + marker.count < value.count {
            if value[start] == marker[0], value[start..<start + marker.count].elementsEqual(marker) {
                let from = start + marker.count
                guard let end = value[from...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
                return from..<end
            }
            start += 1
        }
        return nil
    }
}

extension Array where Element == String {
    /// The first index whose element does not satisfy `belongs` (the elements that do come first).
    func partitionPoint(_ belongs: (String) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if belongs(self[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
