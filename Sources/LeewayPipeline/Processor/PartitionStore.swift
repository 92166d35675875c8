import LeewayCore

/// The vessels one input partition owns: their states, which changed since the last
/// commit, and which expired. Used only from the processor's task.
final class PartitionStore {
    let partition: Int32
    var states: [String: VesselState] = [:]
    /// Vessels whose state changed since it was last written to the changelog.
    var dirty: Set<String> = []
    /// Vessels forgotten since the last commit: tombstones to write.
    var expired: [String] = []
    /// Firing alerts of forgotten vessels: alert tombstones to write.
    var withdrawn: [String] = []
    /// The newest event time applied in this partition.
    var newest = EventTime(microseconds: 0)
    /// One past the last input offset processed.
    var nextOffset: Int64?
    /// Vessels with a firing StaleTelemetry alert (kept in memory only: after a restart the
    /// first commit finds them again and re-sends the identical record).
    var stale: Set<String> = []

    init(partition: Int32) { self.partition = partition }

    /// Adopts a state read back from the changelog.
    func restore(_ state: VesselState) {
        states[state.vesselID] = state
        newest = max(newest, state.lastEventTime)
    }

    /// Alerts firing now: fuel-model drift and stuck sensors.
    var firingAlerts: Int {
        var count = 0
        for state in states.values {
            if state.fuelDrift.lifecycle.isFiring { count += 1 }
            if stale.contains(state.vesselID) { count += 1 }
            for index in 0..<StuckSensor.fields.count {
                if state.sensors.lifecycles[index].isFiring { count += 1 }
            }
        }
        return count
    }

    /// Vessels silent for `after` behind the partition's newest event time that have no
    /// stale alert yet; marks them.
    func newlyStale(after: Duration) -> [VesselState] {
        let cutoff = newest.advanced(by: .zero - after)
        var found: [VesselState] = []
        for (id, state) in states where state.lastEventTime < cutoff && !stale.contains(id) {
            stale.insert(id)
            found.append(state)
        }
        return found.sorted { $0.vesselID < $1.vesselID }
    }

    /// Forgets vessels with no report within `ttl` of the partition's newest event time.
    func expire(olderThan ttl: Duration) -> Int {
        let cutoff = newest.advanced(by: .zero - ttl)
        var stale: [String] = []
        for (id, state) in states where state.lastEventTime < cutoff { stale.append(id) }
        forget(stale)
        return stale.count
    }

    /// Drops `ids` from memory; their tombstones are written at the next commit.
    func forget(_ ids: [String]) {
        for id in ids {
            if stale.contains(id), let state = states[id] {
                withdrawn.append(DriftAlert.staleTelemetry(state, after: .zero, resumedAt: nil).id)
            }
            states[id] = nil
            dirty.remove(id)
            stale.remove(id)
        }
        expired += ids
    }
}
