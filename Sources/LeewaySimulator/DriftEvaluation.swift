import LeewayCore

/// Measures drift detection against ground truth: a simulated fleet with known injected
/// faults runs through the processor's per-report pass (no Kafka), and every alert is
/// compared with what was injected where and when.
public struct DriftEvaluation: Sendable {
    /// What to simulate.
    public var vessels = 60
    public var days = 14.0
    public var intervalSeconds = 120.0
    public var seed: UInt64 = 7
    /// When the faults start, in days after the start.
    public var injectAfterDays = 5.0

    /// One injected fault and how it was found.
    public struct Injection: Sendable {
        public var name: String
        public var drift: SensorDrift
        /// Event time from the fault's start to the first firing alert, nil if missed.
        public var delay: Duration?
    }

    /// The outcome.
    public struct Result: Sendable {
        public var injections: [Injection]
        /// Firing alerts not explained by an injection.
        public var falseAlarms: Int
        /// Vessel-days of traffic without an active fault.
        public var cleanVesselDays: Double
        public var reports: Int
        /// False alarms per 100 clean vessel-days.
        public var falseAlarmRate: Double { cleanVesselDays > 0 ? Double(falseAlarms) / cleanVesselDays * 100 : 0 }
        /// The common setup for comparison: River's default Page-Hinkley on each vessel's raw
        /// per-report fuel residuals (t/h): detections on clean traffic, and per injection
        /// the delay to its first detection after the fault started.
        public var naiveFalseAlarms: Int
        public var naiveDelays: [Duration?]
        /// Naive false alarms per 100 clean vessel-days.
        public var naiveFalseAlarmRate: Double { cleanVesselDays > 0 ? Double(naiveFalseAlarms) / cleanVesselDays * 100 : 0 }
        /// DataDrift alerts that fired: type, regime and target, and when.
        public var dataDrift: [(feature: String, type: VesselType, startsAt: EventTime)] = []
    }

    /// The models the pass serves (the physics baselines by default).
    public var models = ModelCatalog()
    /// The trained models' training distributions: with them, type-level data drift runs too.
    public var references: [VesselType: DriftReferences] = [:]

    /// The defaults: 60 vessels, 14 days, a report every 2 minutes, faults from day 5.
    public init() {}

    /// The simulated fleet's configuration, faults aside.
    public var fleet: FleetSimulator.Configuration {
        var configuration = FleetSimulator.Configuration()
        configuration.vessels = vessels
        configuration.seed = seed
        configuration.intervalSeconds = intervalSeconds
        return configuration
    }

    /// Runs the evaluation.
    public func run() -> Result {
        var configuration = fleet
        let start = configuration.start
        let at = EventTime(microseconds: start.microseconds + Int64(injectAfterDays * 86_400e6))
        // Vessels 1–4 (tanker, container, bulk, tanker): the faults of the drift issue.
        var injections = [
            Injection(name: "fuel +10 %", drift: SensorDrift(.fuel(percent: 10), vesselID: "IMO9100001", from: at)),
            Injection(name: "fuel +15 %", drift: SensorDrift(.fuel(percent: 15), vesselID: "IMO9100002", from: at)),
            Injection(name: "speed log +0.5 kn", drift: SensorDrift(.speedLog(knots: 0.5), vesselID: "IMO9100004", from: at)),
            Injection(name: "fuel meter stuck", drift: SensorDrift(.stuck(.fuelRate), vesselID: "IMO9100005", from: at)),
        ]
        configuration.drifts = injections.map(\.drift)
        var fleet = FleetSimulator(configuration)
        let pass = VesselPass(models: models)
        var states: [String: VesselState] = [:]
        let end = start.microseconds + Int64(days * 86_400e6)
        var falseAlarms = 0, reports = 0
        var episodes = Set<String>()
        var naive: [String: PageHinkley] = [:]
        var naiveFalseAlarms = 0
        var naiveDelays = [Duration?](repeating: nil, count: injections.count)
        var delays = naiveDelays
        let faultOf = Dictionary(uniqueKeysWithValues: injections.enumerated().map { ($1.drift.vesselID, $0) })
        var offset: Int64 = 0
        var monitor = DataDriftMonitor()
        var dataDrift: [(feature: String, type: VesselType, startsAt: EventTime)] = []
        while true {
            let record = fleet.next()
            offset += 1
            guard let report = record.telemetry else { continue }
            if report.eventTime.microseconds >= end { break }
            reports += 1
            let id = report.vesselID
            let outcome = pass.run(report, offset: offset, ingestedAt: report.eventTime,
                                   state: &states[id, default: VesselState(vesselID: id, vesselType: report.vesselType)])
            for alert in monitor.observe(report, references: references[report.vesselType], predict: { outcome.prediction?.targets })
            where alert.status == .firing && !dataDrift.contains(where: { $0.feature == alert.labels.feature && $0.startsAt == alert.startsAt }) {
                dataDrift.append((alert.labels.feature, report.vesselType, alert.startsAt))
            }
            // An alarm on a faulty vessel after its fault began is a detection; any other is false.
            let fault = report.eventTime >= at ? faultOf[id] : nil
            func alarm(_ delays: inout [Duration?], _ falseAlarms: inout Int) {
                if let fault {
                    if delays[fault] == nil { delays[fault] = report.eventTime - at }
                } else {
                    falseAlarms += 1
                }
            }
            if let residual = outcome.prediction?.residual(.fuelRate), naive[id, default: PageHinkley()].update(residual) {
                alarm(&naiveDelays, &naiveFalseAlarms)
            }
            // One alert episode per firing start; an escalation repeats its start.
            for alert in outcome.alerts where alert.status == .firing
                && episodes.insert("\(id) \(alert.labels.alertname) \(alert.labels.feature) \(alert.startsAt.microseconds)").inserted {
                alarm(&delays, &falseAlarms)
            }
        }
        for index in injections.indices { injections[index].delay = delays[index] }
        let injectedDays = Double(injections.count) * (days - injectAfterDays)
        return Result(injections: injections, falseAlarms: falseAlarms,
                      cleanVesselDays: Double(vessels) * days - injectedDays, reports: reports,
                      naiveFalseAlarms: naiveFalseAlarms, naiveDelays: naiveDelays, dataDrift: dataDrift)
    }
}
