import LeewayCore
import LeewaySimulator

/// A deterministic slice of simulated traffic and what the processor must make of it,
/// worked out here from the rules (not from the processor's code): per vessel, in order,
/// a report more than the lateness behind the newest is late, a repeat of an applied `ts`
/// is a duplicate, everything else is applied and predicted.
struct FleetRecords {
    let records: [FleetSimulator.Record]
    /// "vessel ts" of every report that must get exactly one prediction.
    let predicted: Set<String>
    let late: Int
    let duplicates: Int
    let bad: Int

    init(vessels: Int, count: Int, seed: UInt64, interval: Double = 300, lateness: Int64 = 6 * 3_600_000_000) {
        var configuration = FleetSimulator.Configuration()
        configuration.vessels = vessels
        configuration.seed = seed
        configuration.intervalSeconds = interval
        configuration.satelliteLinks = true
        configuration.badFraction = 0.01
        var fleet = FleetSimulator(configuration)
        records = (0..<count).map { _ in fleet.next() }
        var newest: [String: Int64] = [:]
        var applied: [String: Set<Int64>] = [:]
        var predicted = Set<String>(), late = 0, duplicates = 0, bad = 0
        for record in records {
            guard let t = record.telemetry else { bad += 1; continue }
            let ts = t.eventTime.microseconds
            if let top = newest[t.vesselID], ts < top - lateness { late += 1; continue }
            if applied[t.vesselID]?.contains(ts) == true { duplicates += 1; continue }
            applied[t.vesselID, default: []].insert(ts)
            newest[t.vesselID] = max(newest[t.vesselID] ?? .min, ts)
            if t[.speedThroughWater] != nil { predicted.insert("\(t.vesselID) \(t.eventTime)") }
        }
        self.predicted = predicted
        self.late = late
        self.duplicates = duplicates
        self.bad = bad
    }
}
