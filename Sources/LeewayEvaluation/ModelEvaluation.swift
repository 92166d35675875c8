import LeewayCore
import LeewayModels
import LeewaySimulator
import LeewayTraining

/// `leeway evaluate models`, pure: a simulated fleet with varied hulls and the chosen physics;
/// every type trained on its first ``trainDays`` through the same path as `leeway train`
/// (feature replay, bounded fit, physics checks) and served only when its checks pass, as
/// approval would; then the whole run through the processor's per-report pass, every alert
/// compared with the injected faults.
public struct ModelEvaluation: Sendable {
    /// The physics the fleet follows.
    public var physics = SimulatorPhysics.variant
    /// Vessels, assigned to ``types`` in turn.
    public var vessels = 100
    /// The vessel types.
    public var types: [VesselType] = [.tanker, .container, .cruise, .dredger]
    /// Simulated days in all.
    public var days = 35.0
    /// Days of history each type is trained on (faults start after them).
    public var trainDays = 2.0
    /// Seconds between one vessel's reports.
    public var intervalSeconds = 300.0
    /// Seed of the fleet.
    public var seed: UInt64 = 11
    /// Spread of the ships' particulars (``FleetSimulator/Configuration/hullSpread``).
    public var hullSpread = 0.1
    /// Serve the trained models that pass (true) or the physics baselines only (false).
    public var serveTrained = true

    /// The defaults: 100 vessels of 4 types, variant physics, 35 days, trained on 2, a report every 5 min.
    public init() {}

    /// What the run found.
    public struct Result: Sendable {
        /// One row per type.
        public var types: [TypeOutcome]
        /// The injected faults and their detection.
        public var faults: [InjectedFault]
        /// Reports run through the pass.
        public var reports: Int
        /// The first type trained on broken fuel meters' versions of its history.
        public var brokenMeters: [BrokenMeterOutcome] = []
    }

    /// The fleet's configuration, faults included.
    public var fleet: FleetSimulator.Configuration {
        var configuration = FleetSimulator.Configuration()
        configuration.vessels = vessels
        configuration.seed = seed
        configuration.intervalSeconds = intervalSeconds
        configuration.physics = physics
        configuration.hullSpread = hullSpread
        configuration.types = types
        configuration.drifts = faults.map(\.drift)
        return configuration
    }

    /// Per type a fuel fault (+8 % or +15 %) and a speed-log offset (+0.5 kn), on vessels
    /// past the first of each type, starting from a day after the training window at
    /// staggered times.
    public var faults: [InjectedFault] {
        let start = FleetSimulator.Configuration().start
        var faults: [InjectedFault] = []
        for (index, _) in types.enumerated() {
            let fuelVessel = types.count + index, logVessel = 2 * types.count + index
            guard logVessel < vessels else { continue }
            let fuelAt = start.advanced(by: .seconds((trainDays + 1 + 0.6 * Double(index)) * 86_400))
            let logAt = start.advanced(by: .seconds((trainDays + 1.3 + 0.6 * Double(index)) * 86_400))
            let percent = index % 2 == 0 ? 8.0 : 15.0
            faults.append(InjectedFault(name: "fuel +\(Int(percent)) %", drift: SensorDrift(.fuel(percent: percent), vesselID: "IMO\(9_100_000 + fuelVessel)", from: fuelAt)))
            faults.append(InjectedFault(name: "speed log +0.5 kn", drift: SensorDrift(.speedLog(knots: 0.5), vesselID: "IMO\(9_100_000 + logVessel)", from: logAt)))
        }
        return faults
    }

    /// Runs the evaluation.
    public func run() -> Result {
        let configuration = fleet
        let trainEnd = configuration.start.advanced(by: .seconds(trainDays * 86_400))
        var outcomes = types.map { TypeOutcome(type: $0, model: PhysicsBaseline(type: $0).identity.name) }
        var catalog = ModelCatalog()
        var broken: [BrokenMeterOutcome] = []
        if serveTrained {
            let history = Self.history(configuration, until: trainEnd)
            for index in outcomes.indices { train(&outcomes[index], history: history, into: &catalog) }
            broken = trainBroken(history: history)
        }
        var run = EvaluationRun(faults: faults, trainEnd: trainEnd)
        var simulator = FleetSimulator(configuration)
        let pass = VesselPass(models: catalog)
        var states: [String: VesselState] = [:]
        let end = configuration.start.advanced(by: .seconds(days * 86_400))
        var offset: Int64 = 0
        while true {
            let record = simulator.next()
            offset += 1
            guard let report = record.telemetry else { continue }
            if report.eventTime >= end { break }
            let id = report.vesselID
            let outcome = pass.run(report, offset: offset, ingestedAt: report.eventTime,
                                   state: &states[id, default: VesselState(vesselID: id, vesselType: report.vesselType)])
            run.observe(report, outcome)
        }
        var result = run.finish(into: outcomes, start: configuration.start, days: days)
        result.brokenMeters = broken
        return result
    }

    /// The fleet's reports before `end`, in the order a topic would hold them.
    static func history(_ configuration: FleetSimulator.Configuration, until end: EventTime) -> [Telemetry] {
        var simulator = FleetSimulator(configuration)
        var history: [Telemetry] = []
        while true {
            guard let report = simulator.next().telemetry else { continue }
            if report.eventTime >= end { return history }
            history.append(report)
        }
    }
}
