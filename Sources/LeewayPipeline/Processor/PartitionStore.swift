import LeewayCore

/// The vessels one input partition owns: their states, which changed since the last
/// commit, and which expired. Used only from the processor's task.
final class PartitionStore {
    /// One vessel's state, boxed: the dictionary then holds a pointer per vessel instead of
    /// the ~2.9 KB state inline in every bucket (a dictionary keeps a quarter or more of
    /// its buckets empty, and never shrinks).
    final class Slot {
        var state: VesselState
        init(_ state: VesselState) { self.state = state }
    }

    let partition: Int32
    var slots: [String: Slot] = [:]
    /// Vessels whose state changed since it was last written to the changelog.
    var dirty: Set<String> = []
    /// Vessels forgotten since the last commit: tombstones to write.
    var expired: [String] = []
    /// Forgotten vessels with an alert firing (`stale`: their StaleTelemetry alert), kept
    /// until the next commit withdraws those alerts (tombstones on the alerts topic).
    var withdrawn: [(slot: Slot, stale: Bool)] = []
    /// The newest event time applied in this partition.
    var newest = EventTime(microseconds: 0)
    /// One past the last input offset processed.
    var nextOffset: Int64?
    /// Vessels with a firing StaleTelemetry alert. Kept in memory only: after a restore,
    /// ``judgeRestored(after:)`` finds them again, so that a report arriving before the
    /// first commit still resolves the alert.
    var stale: Set<String> = []
    /// Stale vessels found at restore whose firing record the first commit sends again
    /// (identical to the one sent before, which a crash may have lost).
    var unsent: Set<String> = []

    init(partition: Int32) { self.partition = partition }

    /// Adopts a state read back from the changelog.
    func restore(_ state: VesselState) {
        slots[state.vesselID] = Slot(state)
        newest = max(newest, state.lastEventTime)
    }

    /// The slot of vessel `id`, made empty for a vessel not seen before.
    func slot(for id: String, type: VesselType) -> Slot {
        if let slot = slots[id] { return slot }
        let slot = Slot(VesselState(vesselID: id, vesselType: type))
        slots[id] = slot
        return slot
    }

    /// Alerts firing now: each vessel's own watches (fuel-model drift, stuck sensors, speed
    /// log) and stale telemetry.
    var firingAlerts: Int {
        var count = 0
        for (id, slot) in slots {
            count += slot.state.firingAlertCount + (stale.contains(id) ? 1 : 0)
        }
        return count
    }

    /// Vessels silent for `after` behind the partition's newest event time that have no
    /// stale alert yet, or whose restored one is still to be sent again; marks them.
    func newlyStale(after: Duration) -> [VesselState] {
        let cutoff = newest.advanced(by: .zero - after)
        var found: [VesselState] = []
        for (id, slot) in slots where slot.state.lastEventTime < cutoff && (!stale.contains(id) || unsent.contains(id)) {
            stale.insert(id)
            found.append(slot.state)
        }
        unsent.removeAll()
        return found.sorted { $0.vesselID < $1.vesselID }
    }

    /// After a restore: marks the vessels silent for `after` behind the restored newest
    /// event time as stale (their alert fired before), to be sent again at the first commit.
    func judgeRestored(after: Duration) {
        let cutoff = newest.advanced(by: .zero - after)
        for (id, slot) in slots where slot.state.lastEventTime < cutoff {
            stale.insert(id)
            unsent.insert(id)
        }
    }

    /// Forgets vessels with no report within `ttl` of the partition's newest event time.
    func expire(olderThan ttl: Duration) -> Int {
        let cutoff = newest.advanced(by: .zero - ttl)
        var stale: [String] = []
        for (id, slot) in slots where slot.state.lastEventTime < cutoff { stale.append(id) }
        forget(stale)
        return stale.count
    }

    /// Drops `ids` from memory; their tombstones are written at the next commit.
    func forget(_ ids: [String]) {
        for id in ids {
            let wasStale = stale.remove(id) != nil
            unsent.remove(id)
            if let slot = slots.removeValue(forKey: id), wasStale || slot.state.hasFiringAlert {
                withdrawn.append((slot, wasStale))
            }
            dirty.remove(id)
        }
        expired += ids
    }
}
