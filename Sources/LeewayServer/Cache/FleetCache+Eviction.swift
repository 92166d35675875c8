extension FleetCache {
    /// Vessels dropped since start because the cache was full.
    public var evicted: Int { state.withLock { $0.evicted } }

    /// Drops the least recently updated vessels (by their newest record's Kafka timestamp)
    /// until `keeping` remain. Runs once per tenth of the cap's new vessels, not per vessel.
    static func evict(_ state: inout State, keeping: Int) {
        let surplus = state.vessels.count - keeping
        guard surplus > 0 else { return }
        var ages = state.vessels.map { (id: $0.key, updated: $0.value.updated) }
        ages.sort { $0.updated < $1.updated || ($0.updated == $1.updated && $0.id < $1.id) }
        for (id, _) in ages[..<surplus] { state.vessels[id] = nil }
        state.evicted += surplus
        state.sorted = nil
    }
}

extension FleetCache.Vessel {
    /// When the vessel's newest record entered Kafka, seconds since 1970.
    var updated: Double { max(prediction?.timestamp ?? 0, features?.timestamp ?? 0) }
}
