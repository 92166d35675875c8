import LeewayCore
import LeewaySimulator

/// The tally of one evaluation pass: alerts against injected faults, out-of-time error.
struct EvaluationRun {
    var faults: [InjectedFault]
    let trainEnd: EventTime
    private let faultOf: [String: Int]
    private var ships: [VesselType: Set<String>] = [:]
    private var episodes = Set<String>()
    private var falseFuel: [VesselType: Int] = [:], falseOther: [VesselType: Int] = [:]
    private var firstAtSea: [Int: EventTime] = [:]
    private var errors: [VesselType: [PredictionTarget: (absolute: Double, squared: Double, count: Double)]] = [:]
    private(set) var reports = 0

    init(faults: [InjectedFault], trainEnd: EventTime) {
        self.faults = faults
        self.trainEnd = trainEnd
        faultOf = Dictionary(uniqueKeysWithValues: faults.enumerated().map { ($1.drift.vesselID, $0) })
    }

    mutating func observe(_ report: Telemetry, _ outcome: VesselPass.Outcome) {
        reports += 1
        ships[report.vesselType, default: []].insert(report.vesselID)
        let fault = faultOf[report.vesselID].flatMap { faults[$0].drift.isActive(at: report.eventTime) ? $0 : nil }
        if let fault, firstAtSea[fault] == nil, (report[.speedThroughWater] ?? 0) >= 3 { firstAtSea[fault] = report.eventTime }
        if fault == nil, report.eventTime >= trainEnd, report.event == nil, (report[.speedThroughWater] ?? 0) >= 3,
           let prediction = outcome.prediction {
            for target in PredictionTarget.ordered {
                guard let actual = report[target.actual], let predicted = prediction.targets[target] else { continue }
                let error = actual - predicted
                let sum = errors[report.vesselType]?[target] ?? (0, 0, 0)
                errors[report.vesselType, default: [:]][target] = (sum.absolute + abs(error), sum.squared + error * error, sum.count + 1)
            }
        }
        // One episode per alert start; an escalation repeats its start.
        for alert in outcome.alerts where alert.status == .firing
            && episodes.insert("\(report.vesselID) \(alert.labels.alertname) \(alert.labels.feature) \(alert.startsAt.microseconds)").inserted {
            if let fault {
                if faults[fault].delay == nil {
                    faults[fault].delay = report.eventTime - faults[fault].drift.from
                    faults[fault].delayAtSea = firstAtSea[fault].map { report.eventTime - $0 }
                    faults[fault].alertname = alert.labels.alertname
                }
            } else if alert.labels.alertname == "FuelResidualDrift" {
                falseFuel[report.vesselType, default: 0] += 1
            } else {
                falseOther[report.vesselType, default: 0] += 1
            }
        }
    }

    /// The rows for `outcomes`, over a run of `days` from `start`: fault-free vessel-days are
    /// every ship's days less each faulty ship's days after its fault began.
    func finish(into outcomes: [TypeOutcome], start: EventTime, days: Double) -> ModelEvaluation.Result {
        var outcomes = outcomes
        for index in outcomes.indices {
            let type = outcomes[index].type
            let own = ships[type] ?? []
            let faulty = faults.filter { own.contains($0.drift.vesselID) }
            let lost = faulty.reduce(0.0) { $0 + days - Double(($1.drift.from - start).components.seconds) / 86_400 }
            outcomes[index].cleanVesselDays = Double(own.count) * days - lost
            outcomes[index].falseFuelDrift = falseFuel[type] ?? 0
            outcomes[index].falseOther = falseOther[type] ?? 0
            for (target, sum) in errors[type] ?? [:] where sum.count > 0 {
                outcomes[index].mae[target] = sum.absolute / sum.count
                outcomes[index].rmse[target] = (sum.squared / sum.count).squareRoot()
            }
        }
        return ModelEvaluation.Result(types: outcomes, faults: faults, reports: reports)
    }
}
