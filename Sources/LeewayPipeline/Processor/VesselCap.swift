import LeewayCore

/// The most vessels one processor keeps in memory. Past it, the vessels heard from least
/// recently (in event time) are evicted together, down to `retainedFraction` of the cap, so
/// a flood of new vessel ids costs a bounded amount of memory and one selection per
/// `(1 - retainedFraction) × limit` new vessels instead of one per vessel.
struct VesselCap: Sendable {
    /// The most vessels held across the processor's partitions.
    let limit: Int
    /// What an eviction leaves, as a share of `limit`.
    var retainedFraction = 0.9

    /// Evicts from `stores` when they hold more than `limit` vessels; returns how many went.
    /// Evicted vessels are tombstoned in the changelog at the next commit, like expired ones.
    func enforce(on stores: some Collection<PartitionStore>) -> Int {
        let held = stores.reduce(0) { $0 + $1.slots.count }
        guard held > limit else { return 0 }
        let keep = Int(Double(limit) * retainedFraction)
        let surplus = held - keep
        // The event time at or below which `surplus` vessels lie.
        var times: [Int64] = []
        times.reserveCapacity(held)
        for store in stores { for slot in store.slots.values { times.append(slot.state.lastEventTime.microseconds) } }
        times.sort()
        let threshold = times[surplus - 1]
        // Everything older than the threshold goes; ties at it go until the surplus is met.
        var atThreshold = times[..<surplus].count { $0 == threshold }
        var evicted = 0
        for store in stores {
            var leaving: [String] = []
            for (id, slot) in store.slots {
                let time = slot.state.lastEventTime.microseconds
                if time < threshold {
                    leaving.append(id)
                } else if time == threshold, atThreshold > 0 {
                    atThreshold -= 1
                    leaving.append(id)
                }
            }
            store.forget(leaving)
            evicted += leaving.count
        }
        return evicted
    }
}
