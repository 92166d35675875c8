import AsyncHTTPClient
import Foundation
import Kafka
import LeewayCore
import LeewayPipeline
import LeewayServer
import LeewaySimulator
import LeewayTopics
import Logging
import Prometheus
import Synchronization

/// Report → prediction latency as a fleet feels it: telemetry (a report every 5 minutes per
/// vessel, in event time) sent evenly paced at each rate in turn, through a processor
/// (production settings, 1 s commits; `--kafka-property` applies to its clients and the
/// cache's) and a cache instance in this process, with stale and firing alerts present. Per report, the bench measures from
/// its Kafka timestamp (set when it is sent) to: the report seen by a plain consumer of the
/// telemetry topic (the broker's own latency, same run), its prediction seen by a consumer
/// (outputs carry their report's timestamp), an alert it raised seen, and, for a sample of
/// reports, the pull API answering the new prediction; and, as a second baseline, a copy of
/// the report relayed by a consume + produce loop (``LatencyRelay``) seen: two hops, no work.
///
/// The fleet: 100 vessels reporting, 50 of them with a stuck sensor in each phase (alerts
/// fire and resolve through the run), and 200 vessels heard once a day earlier and silent since
/// (a StaleTelemetry alert each, firing throughout).
struct LatencyUnderLoad {
    let options: Options
    /// Each rate (reports/s) and how long it is sent.
    static let phases: [(rate: Int, seconds: Int)] = [(100, 45), (1_000, 15), (10_000, 10)]
    let active = 100
    /// Reports per vessel simulated and never sent (three days: the ships leave port).
    static let unsentReports = 864
    /// Reports per vessel sent before the first phase.
    static let warmUpReports = 25
    let silent = 200
    let partitions = 6

    func run() async throws -> LatencySamples {
        let prefix = "bench-latency-\(UInt32.random(in: 0...UInt32.max))."
        let topics = TopicNames(prefix: prefix)
        let admin = try KafkaAdmin(configuration: KafkaClientConfiguration(bootstrapServers: [options.brokers]))
        let relayed = prefix + "relayed"
        for name in topics.all + [relayed] { try await makeTopic(admin, name, partitions: name == topics.models ? 1 : partitions) }
        admin.close()

        let samples = LatencySamples()
        let predictionsSeen = Counter()
        let watchers = LatencyWatchers(options: options, samples: samples)
        try await watchers.start(topics: topics, relayed: relayed, predictionsSeen: predictionsSeen)
        defer { watchers.stop() }
        let relay = try await LatencyRelay(options: options, from: topics.telemetry, to: relayed)
        defer { relay.stop() }

        let configuration = options.processor(topics: topics, group: prefix + "processors")
        let processor = Processor(configuration: configuration, logger: Logger(label: "bench"))
        let processing = Task { try await processor.run() }
        defer { processing.cancel() }

        let stores = CacheFeed.Stores()
        var client = KafkaClientConfiguration(bootstrapServers: [options.brokers])
        client.statisticsInterval = nil
        client.properties.merge(options.kafkaProperties) { _, new in new }
        let feed = Task { try await CacheFeed(client: client, topics: topics, stores: stores).run() }
        defer { feed.cancel() }
        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        let endpoint = OperationsEndpoint(registry: PrometheusCollectorRegistry(), cache: CacheRoutes(stores: stores),
                                          host: "127.0.0.1", port: 0, logger: Logger(label: "bench.http")) { portContinuation.yield($0) }
        let server = Task { try await endpoint.run() }
        defer { server.cancel() }
        var portIterator = ports.makeAsyncIterator()
        guard let port = await portIterator.next() else { throw BenchError("the HTTP endpoint did not start") }

        var producerConfiguration = KafkaProducerConfiguration(bootstrapServers: [options.brokers])
        producerConfiguration.client.statisticsInterval = nil
        let producer = try KafkaProducer(configuration: producerConfiguration)

        // Warm-up (outside every phase): the silent vessels' last reports a day back, then
        // the active fleet's first reports once it is under way (every ship starts in port);
        // wait for their predictions and the stale alerts.
        var simulation = FleetSimulator.Configuration()
        simulation.vessels = active
        simulation.intervalSeconds = 300
        simulation.drifts = stuckSensors(start: simulation.start, interval: simulation.intervalSeconds)
        var earlier = simulation
        earlier.vessels = active + silent
        earlier.drifts = []
        earlier.start = EventTime(microseconds: simulation.start.microseconds - 86_400_000_000)
        var past = FleetSimulator(earlier)
        var fleet = FleetSimulator(simulation)
        var warmUp = 0
        for index in 0..<(active + silent) {
            let record = past.next()
            guard index >= active else { continue }
            try await send(record, to: topics.telemetry, producer)
            warmUp += 1
        }
        for _ in 0..<(active * Self.unsentReports) { _ = fleet.next() }
        for _ in 0..<(active * Self.warmUpReports) {
            try await send(fleet.next(), to: topics.telemetry, producer)
            warmUp += 1
        }
        guard try await waitUntil(timeout: .seconds(180), { predictionsSeen.count >= warmUp }) else {
            throw BenchError("latency: no predictions for the warm-up after 180 s")
        }
        try await Task.sleep(for: .seconds(2))  // a commit: the silent vessels' stale alerts fire

        let polls = PullPolls(port: port, samples: samples)
        var sent = warmUp
        for phase in Self.phases {
            samples.begin(rate: phase.rate)
            let every = max(1, phase.rate / 20)
            let total = phase.rate * phase.seconds
            let start = ContinuousClock.now
            var index = 0
            while index < total {
                let due = min(total, Int((ContinuousClock.now - start).seconds * Double(phase.rate)) + 1)
                while index < due {
                    let record = fleet.next()
                    let stamp = try await send(record, to: topics.telemetry, producer)
                    if index % every == 0, let telemetry = record.telemetry {
                        polls.start(vessel: telemetry.vesselID, eventTime: telemetry.eventTime, sentMilliseconds: stamp)
                    }
                    index += 1
                }
                try await Task.sleep(for: .microseconds(500))
            }
            sent += total
        }
        samples.end()
        try await producer.flush(timeout: .seconds(60))
        await producer.close()
        let drained = try await waitUntil(timeout: .seconds(60)) { predictionsSeen.count >= sent }
        await polls.finish()
        if !drained {
            FileHandle.standardError.write(Data("latency: \(predictionsSeen.count) predictions seen of \(sent) reports sent\n".utf8))
        }
        try await polls.shutdown()
        return samples
    }

    /// Sends `record` stamped with the wall clock now; returns the stamp (ms).
    @discardableResult
    private func send(_ record: FleetSimulator.Record, to topic: String, _ producer: KafkaProducer) async throws -> Int64 {
        let stamp = wallMicroseconds() / 1000
        try await producer.sendAwaitingRoom(ProducerRecord(topic: topic, key: record.key, value: record.value,
                                                           timestampMilliseconds: stamp))
        return stamp
    }

    /// Stuck sensors on 50 vessels, one sensor per rate phase (each sensor's alert has a
    /// cooldown of its own): 60 reports frozen from 20 before each phase, staggered per
    /// vessel, so that alerts fire (30 identical readings under way) and resolve (an hour
    /// after) at every rate.
    private func stuckSensors(start: EventTime, interval: Double) -> [SensorDrift] {
        let tick = Int64(interval * 1_000_000)
        // Reports per vessel before each phase: the unsent and warm-up ones, then rate × seconds / vessels.
        var first: [Int64] = []
        var reports = Int64(Self.unsentReports + Self.warmUpReports)
        for phase in Self.phases {
            first.append(reports)
            reports += Int64(phase.rate * phase.seconds / active)
        }
        let fields: [TelemetryField] = [.fuelRate, .speedThroughWater, .shaftPower]
        var drifts: [SensorDrift] = []
        for vessel in 0..<50 {
            for (phase, from) in first.enumerated() {
                let begin = from - 20 + Int64(vessel % 10)
                drifts.append(SensorDrift(.stuck(fields[phase % fields.count]), vesselID: "IMO\(9_100_000 + vessel)",
                                          from: EventTime(microseconds: start.microseconds + begin * tick),
                                          until: EventTime(microseconds: start.microseconds + (begin + 60) * tick)))
            }
        }
        return drifts
    }
}

/// The consumers that see the run's records: telemetry (the broker alone), the relayed copy
/// (``LatencyRelay``), predictions and alerts, each in a group of its own that joins before
/// anything is sent.
final class LatencyWatchers: Sendable {
    let options: Options
    let samples: LatencySamples
    private let tasks = Mutex<[Task<Void, Never>]>([])
    private let consumers = Mutex<[KafkaConsumer]>([])

    init(options: Options, samples: LatencySamples) {
        self.options = options
        self.samples = samples
    }

    /// Starts the three consumers and returns once each has its partitions.
    func start(topics: TopicNames, relayed: String, predictionsSeen: Counter) async throws {
        let assigned = Counter()
        let samples = self.samples
        let watches: [(String, LatencySamples.Path)] = [(topics.telemetry, .broker), (relayed, .relay), (topics.predictions, .prediction),
                                                        (topics.alerts, .alert)]
        for (topic, path) in watches {
            let consumer = try KafkaConsumer(configuration: options.consumer(group: "\(topic).latency-watch", topic: topic, kafkaProperties: false),
                                             logger: Logger(label: "bench"))
            consumers.withLock { $0.append(consumer) }
            let task = Task {
                do {
                    for try await event in consumer {
                        switch event {
                        case .assigned(let partitions) where !partitions.isEmpty: assigned.add(1)
                        case .records(let records):
                            let seen = wallMicroseconds()
                            for record in records {
                                guard let stamp = record.timestampMilliseconds, let value = record.value else { continue }
                                if path == .prediction { predictionsSeen.add(1) }
                                // Stale alerts are raised by a commit, not by a report.
                                if path == .alert, Self.isStaleFiring(value) { continue }
                                samples.record(path, sentMicroseconds: stamp * 1000, seenMicroseconds: seen)
                            }
                        default: break
                        }
                    }
                } catch {
                    FileHandle.standardError.write(Data("latency watch of \(topic): \(error)\n".utf8))
                }
            }
            tasks.withLock { $0.append(task) }
        }
        guard try await waitUntil(timeout: .seconds(60), { assigned.count == watches.count }) else {
            throw BenchError("latency: the watching consumers did not join in 60 s")
        }
    }

    /// Whether an alert record is a StaleTelemetry alert firing (raised at a commit).
    static func isStaleFiring(_ value: [UInt8]) -> Bool {
        let text = String(decoding: value, as: UTF8.self)
        return text.contains(#""alertname":"StaleTelemetry""#) && text.contains(#""status":"firing""#)
    }

    func stop() {
        for consumer in consumers.withLock({ $0 }) { consumer.requestClose() }
    }
}

/// For sampled reports: asks the pull API for the vessel's prediction every millisecond
/// until it answers the report's own (or a later one).
final class PullPolls: Sendable {
    let url: String
    let samples: LatencySamples
    private let client = HTTPClient(eventLoopGroupProvider: .singleton)
    private let running = Mutex<[Task<Void, Never>]>([])
    private let unanswered = Counter()

    init(port: Int, samples: LatencySamples) {
        self.url = "http://127.0.0.1:\(port)/v1/vessels/"
        self.samples = samples
    }

    func start(vessel: String, eventTime: EventTime, sentMilliseconds: Int64) {
        let url = self.url + vessel + "/prediction"
        let client = self.client, samples = self.samples, unanswered = self.unanswered
        let task = Task {
            let deadline = ContinuousClock.now.advanced(by: .seconds(30))
            while ContinuousClock.now < deadline {
                if let response = try? await client.execute(HTTPClientRequest(url: url), timeout: .seconds(5)),
                   let body = try? await response.body.collect(upTo: 1 << 16), response.status == .ok,
                   let answered = Self.eventTime(in: Array(body.readableBytesView)), answered >= eventTime {
                    samples.record(.pull, sentMicroseconds: sentMilliseconds * 1000, seenMicroseconds: wallMicroseconds())
                    return
                }
                try? await Task.sleep(for: .milliseconds(1))
            }
            unanswered.add(1)
        }
        running.withLock { $0.append(task) }
    }

    /// The `ts` member of a prediction record.
    static func eventTime(in body: [UInt8]) -> EventTime? {
        let marker = Array(#""ts":""#.utf8)
        guard let start = body.firstRange(of: marker)?.upperBound,
              let end = body[start...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        return EventTime(rfc3339: String(decoding: body[start..<end], as: UTF8.self))
    }

    /// Waits for every poll to end.
    func finish() async {
        for task in running.withLock({ $0 }) { await task.value }
        if unanswered.count > 0 {
            FileHandle.standardError.write(Data("latency: \(unanswered.count) sampled reports never answered by the pull API in 30 s\n".utf8))
        }
    }

    func shutdown() async throws {
        try await client.shutdown()
    }
}
