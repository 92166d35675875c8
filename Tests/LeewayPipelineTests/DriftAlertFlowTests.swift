import Foundation
import Hummingbird
import Kafka
import KafkaTestSupport
import LeewayCore
import LeewayPipeline
import LeewaySimulator
import ServiceLifecycle
import Synchronization
import Testing

@Suite("Drift alerts through the broker", .timeLimit(.minutes(4)))
struct DriftAlertFlowTests {
    static let hour: Int64 = 3_600_000_000

    @Test("fuel reading 15 % high for 8 hours on one vessel: exactly one firing alert, later one resolution, nothing else; the webhook receives both")
    func injectedDriftFiresAndResolves() async throws {
        var configuration = FleetSimulator.Configuration()
        configuration.vessels = 12
        configuration.intervalSeconds = 120
        configuration.seed = 5
        let start = configuration.start.microseconds
        let count = 12 * 30 * 46
        // Pick a vessel at sea from hour 20 to hour 46 (faults only change readings, not the voyage).
        var atSea = Set(FleetSimulator(configuration).vesselIDs)
        var dry = FleetSimulator(configuration)
        for _ in 0..<count {
            guard let t = dry.next().telemetry, t.eventTime.microseconds >= start + 20 * Self.hour else { continue }
            if (t[.speedThroughWater] ?? 0) < 3 { atSea.remove(t.vesselID) }
        }
        let vessel = try #require(atSea.sorted().first, "some vessel must be at sea for the whole window")
        configuration.drifts = [SensorDrift(.fuel(percent: 15), vesselID: vessel,
                                            from: EventTime(microseconds: start + 24 * Self.hour),
                                            until: EventTime(microseconds: start + 32 * Self.hour))]
        var fleet = FleetSimulator(configuration)
        let records = (0..<count).map { _ in fleet.next() }

        let pipeline = try await PipelineFixture.make("drift")
        try await pipeline.produce(records)
        let receiver = try await WebhookReceiver.start()
        let webhook = AlertWebhook(url: URL(string: "http://127.0.0.1:\(receiver.port)/api/v2/alerts")!)
        try await ProcessorRun.inProcess(pipeline, webhook: webhook) {
            try await pipeline.waitUntilCommitted()
            for _ in 0..<100 where receiver.bodies.count < 2 { try await Task.sleep(for: .milliseconds(50)) }
        }
        await receiver.stop()
        // Alertmanager's shape: a JSON array of {labels (all strings), annotations, startsAt[, endsAt]}.
        let posted = try receiver.bodies.flatMap { body in
            try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [[String: Any]])
        }
        #expect(posted.count == 2)
        #expect(posted.allSatisfy { ($0["labels"] as? [String: String])?["vessel_id"] == vessel })
        #expect(posted.map { $0["endsAt"] == nil } == [true, false], "firing has no endsAt; the resolution has one")

        let alerts = try await pipeline.readAll(pipeline.topics.alerts)
        var seen: [(vessel: String, status: String, startsAt: String)] = []
        for record in alerts {
            let json = try #require(try JSONSerialization.jsonObject(with: Data(record.value ?? [])) as? [String: Any])
            let labels = try #require(json["labels"] as? [String: Any])
            #expect(record.key == Array((json["id"] as? String ?? "").utf8))
            #expect(record.headers.string("leeway.schema") == "alert.v1")
            seen.append((labels["vessel_id"] as? String ?? "?", json["status"] as? String ?? "?", json["startsAt"] as? String ?? "?"))
        }
        #expect(seen.map(\.vessel).allSatisfy { $0 == vessel }, "no alert for a clean vessel: \(seen)")
        #expect(seen.map(\.status) == ["firing", "resolved"], "\(seen)")
        #expect(Set(seen.map(\.startsAt)).count == 1, "one alert: firing and resolution share their start")
        if let startsAt = seen.first.flatMap({ EventTime(rfc3339: $0.startsAt) }) {
            let delay = Double(startsAt.microseconds - start - 24 * Self.hour) / Double(Self.hour)
            #expect(delay >= 0 && delay <= 3, "fired \(delay) h after the fault began")
        }
    }
}

/// A tiny Alertmanager stand-in: records the bodies POSTed to /api/v2/alerts.
final class WebhookReceiver: Sendable {
    /// The bodies received, in order.
    final class BodyLog: Sendable {
        let bodies = Mutex<[[UInt8]]>([])
    }

    private let log: BodyLog
    private let group: ServiceGroup
    private let running: Task<Void, any Error>
    let port: Int

    private init(log: BodyLog, group: ServiceGroup, running: Task<Void, any Error>, port: Int) {
        self.log = log
        self.group = group
        self.running = running
        self.port = port
    }

    var bodies: [[UInt8]] { log.bodies.withLock { $0 } }

    static func start() async throws -> WebhookReceiver {
        let log = BodyLog()
        let router = Router()
        router.post("api/v2/alerts") { request, _ -> HTTPResponse.Status in
            let body = try await request.body.collect(upTo: 1 << 20)
            log.bodies.withLock { $0.append(Array(buffer: body)) }
            return .ok
        }
        let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { channel in portContinuation.yield(channel.localAddress?.port ?? 0) })
        let group = ServiceGroup(configuration: .init(services: [app], logger: .init(label: "webhook-receiver")))
        let running = Task { try await group.run() }
        var iterator = portStream.makeAsyncIterator()
        let port = await iterator.next() ?? 0
        return WebhookReceiver(log: log, group: group, running: running, port: port)
    }

    func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await running.value
    }
}
