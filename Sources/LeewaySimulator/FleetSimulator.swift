import LeewayCore

/// A deterministic fleet: N vessels of mixed types reporting every `interval` of event time,
/// with optional injected faults, bad records and satellite-link behaviour. The same
/// configuration always yields the same records, byte for byte.
public struct FleetSimulator: Sendable {
    /// What to simulate.
    public struct Configuration: Sendable {
        /// How many vessels.
        public var vessels: Int = 100
        /// The seed; equal seeds give equal fleets and records.
        public var seed: UInt64 = 1
        /// Event time of the first reports.
        public var start = EventTime(seconds: 1_796_025_600)
        /// Event time between one vessel's reports, seconds.
        public var intervalSeconds: Double = 60
        /// Fraction (0…1) of reports replaced by a bad record, cycling through every reject reason.
        public var badFraction: Double = 0
        /// Faults to inject.
        public var drifts: [SensorDrift] = []
        /// Satellite links: gaps, then late out-of-order bursts with some resent duplicates.
        public var satelliteLinks = false
        /// The physics the ships follow.
        public var physics = SimulatorPhysics.baseline
        /// How far (0…0.3) each ship's particulars differ from its type's typical hull:
        /// displacement by up to ±spread, Admiralty coefficient ±1.5·spread,
        /// design speed and specific consumption ±spread/2. 0: every ship of a type is alike.
        public var hullSpread = 0.0
        /// The vessel types, assigned in turn (nil: a mixed merchant fleet of every type).
        public var types: [VesselType]?

        /// The defaults: 100 clean vessels from 2026-11-29T08:00Z, one report a minute.
        public init() {}
    }

    /// One record to produce.
    public struct Record: Sendable {
        /// The record key (the vessel id).
        public var key: [UInt8]
        /// The record value: telemetry v1 JSON, or bad bytes.
        public var value: [UInt8]
        /// For a bad record, the reject reason the decoder must give.
        public var intendedRejection: String?
        /// For a good record, its telemetry.
        public var telemetry: Telemetry?

        /// A record to produce: key, value, and what the decoder must make of it.
        public init(key: [UInt8], value: [UInt8], intendedRejection: String?, telemetry: Telemetry?) {
            self.key = key
            self.value = value
            self.intendedRejection = intendedRejection
            self.telemetry = telemetry
        }
    }

    private let configuration: Configuration
    private var vessels: [SimulatedVessel]
    private var links: [SatelliteLink]
    private var random: SeededRandom
    private var tick = 0
    private var cursor = 0
    private var outbox: [Record] = []
    private var outboxIndex = 0
    private var badCount = 0

    /// Creates the fleet.
    public init(_ configuration: Configuration) {
        self.configuration = configuration
        let mix = configuration.types.flatMap { $0.isEmpty ? nil : $0 } ?? Self.mixedFleet
        vessels = (0..<max(1, configuration.vessels)).map {
            SimulatedVessel(index: $0, type: mix[$0 % mix.count], seed: configuration.seed, start: configuration.start,
                            physics: configuration.physics, hullSpread: min(max(configuration.hullSpread, 0), 0.3))
        }
        links = Array(repeating: SatelliteLink(), count: vessels.count)
        random = SeededRandom(seed: configuration.seed &+ 0xA5A5)
    }

    /// The default type mix, assigned in turn.
    public static let mixedFleet: [VesselType] = [.tanker, .container, .bulk, .tanker, .bulk, .container, .cruise, .passenger, .dredger, .tug, .fishing, .bulk]

    /// The vessel ids, in order.
    public var vesselIDs: [String] { vessels.map(\.id) }

    /// The next record.
    public mutating func next() -> Record {
        while true {
            if outboxIndex < outbox.count {
                defer { outboxIndex += 1 }
                return outbox[outboxIndex]
            }
            outbox.removeAll(keepingCapacity: true)
            outboxIndex = 0
            step()
        }
    }

    /// One vessel reports; its records go to the outbox (or wait behind a down link).
    private mutating func step() {
        let index = cursor
        let time = EventTime(microseconds: configuration.start.microseconds
            + Int64(Double(tick) * configuration.intervalSeconds * 1e6) + Int64(index % 1000) * 1000)
        let telemetry = vessels[index].report(at: time, after: configuration.intervalSeconds, drifts: configuration.drifts)
        cursor += 1
        if cursor == vessels.count {
            cursor = 0
            tick += 1
        }
        let record: Record
        if configuration.badFraction > 0, random.unit() < configuration.badFraction {
            record = BadRecords.make(badCount, from: telemetry)
            badCount += 1
        } else {
            record = Record(key: Array(telemetry.vesselID.utf8), value: telemetry.json, intendedRejection: nil, telemetry: telemetry)
        }
        guard configuration.satelliteLinks else {
            outbox.append(record)
            return
        }
        links[index].carry(record, at: time, random: &random, into: &outbox)
    }
}
