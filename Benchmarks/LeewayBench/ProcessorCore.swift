import LeewayCore
import LeewaySimulator

/// The processor's per-report cost without Kafka, over 200,000 simulated reports of 500
/// vessels (features, prediction, and what surrounds them), best of five passes:
/// - `pass`: state update and prediction on decoded reports, states in an array;
/// - `pass + encode`: also the vessel lookup by id and the prediction record's JSON;
/// - `decode + pass + encode`: from the record's bytes, as the processor runs it.
func processorCoreBenchmark() -> (pass: Double, encode: Double, full: Double, stateBytes: Int) {
    var configuration = FleetSimulator.Configuration()
    configuration.vessels = 500
    var fleet = FleetSimulator(configuration)
    let records = (0..<200_000).map { _ in fleet.next() }
    let reports = records.compactMap(\.telemetry)
    let index = Dictionary(uniqueKeysWithValues: fleet.vesselIDs.enumerated().map { ($1, $0) })
    let slots = reports.map { index[$0.vesselID]! }
    let pass = VesselPass()

    func best(_ body: () -> Int) -> Double {
        var best = Double.infinity
        for _ in 0..<5 {
            let start = ContinuousClock.now
            let count = body()
            best = min(best, (ContinuousClock.now - start).seconds * 1e6 / Double(count))
        }
        return best
    }
    var sink = 0
    let passOnly = best {
        var states = fleet.vesselIDs.map { VesselState(vesselID: $0, vesselType: .tanker) }
        for (offset, report) in reports.enumerated() {
            let outcome = pass.run(report, offset: Int64(offset), ingestedAt: report.eventTime, state: &states[slots[offset]])
            if outcome.prediction != nil { sink &+= 1 }
        }
        return reports.count
    }
    let withEncode = best {
        var states: [String: VesselState] = [:]
        for (offset, report) in reports.enumerated() {
            let id = report.vesselID
            let outcome = pass.run(report, offset: Int64(offset), ingestedAt: report.eventTime,
                                   state: &states[id, default: VesselState(vesselID: id, vesselType: report.vesselType)])
            if let prediction = outcome.prediction { sink &+= prediction.json.count }
        }
        return reports.count
    }
    let full = best {
        var states: [String: VesselState] = [:]
        for (offset, record) in records.enumerated() {
            guard let report = try? TelemetryDecoder.decode(record.value) else { continue }
            let id = report.vesselID
            let outcome = pass.run(report, offset: Int64(offset), ingestedAt: report.eventTime,
                                   state: &states[id, default: VesselState(vesselID: id, vesselType: report.vesselType)])
            if let prediction = outcome.prediction { sink &+= prediction.json.count }
        }
        return records.count
    }
    precondition(sink > 0)
    var state = VesselState(vesselID: "IMO9100000", vesselType: .tanker)
    for (offset, report) in reports.enumerated() where report.vesselID == "IMO9100000" {
        _ = pass.run(report, offset: Int64(offset), ingestedAt: report.eventTime, state: &state)
    }
    return (passOnly, withEncode, full, state.binary.count)
}
