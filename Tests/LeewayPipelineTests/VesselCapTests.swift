import LeewayCore
@testable import LeewayPipeline
import Testing

@Suite("Vessel cap (processor memory bound)")
struct VesselCapTests {
    /// A store of `partition` with vessels `ids` last heard at the given minutes.
    private func store(_ partition: Int32, _ vessels: [(String, Int64)]) -> PartitionStore {
        let store = PartitionStore(partition: partition)
        for (id, minute) in vessels {
            var state = VesselState(vesselID: id, vesselType: .bulk)
            state.lastEventTime = EventTime(microseconds: minute * 60_000_000)
            store.restore(state)
            store.dirty.insert(id)
        }
        return store
    }

    @Test("past the limit the least recently heard vessels of every partition go, down to 90 % of it, and are tombstoned")
    func evictsOldestAcrossPartitions() {
        let even = store(0, (0..<13).map { ("E\($0)", Int64($0 * 2)) })
        let odd = store(1, (0..<12).map { ("O\($0)", Int64($0 * 2 + 1)) })
        even.stale.insert("E0")
        let evicted = VesselCap(limit: 10).enforce(on: [even, odd])
        #expect(evicted == 16)
        // Minutes 16...24 remain: E8...E12 and O8...O11.
        #expect(Set(even.slots.keys) == Set((8..<13).map { "E\($0)" }))
        #expect(Set(odd.slots.keys) == Set((8..<12).map { "O\($0)" }))
        #expect(Set(even.expired + odd.expired).count == 16)
        #expect(even.dirty == Set(even.slots.keys), "an evicted vessel's state is not written after its tombstone")
        #expect(even.stale.isEmpty)
    }

    @Test("ties at the threshold are broken so exactly the surplus goes")
    func tiesAtThreshold() {
        let same = store(0, (0..<20).map { ("S\($0)", 5) })
        #expect(VesselCap(limit: 10).enforce(on: [same]) == 11)
        #expect(same.slots.count == 9)
    }

    @Test("at or under the limit nothing is evicted")
    func underLimit() {
        let stores = [store(0, (0..<10).map { ("V\($0)", Int64($0)) })]
        #expect(VesselCap(limit: 10).enforce(on: stores) == 0)
        #expect(stores[0].slots.count == 10 && stores[0].expired.isEmpty)
    }
}
