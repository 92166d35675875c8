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

    @Test("fuel reading 15 % high for 8 hours on one vessel: exactly one firing alert, later one resolution, nothing else")
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
        try await ProcessorRun.inProcess(pipeline) { try await pipeline.waitUntilCommitted() }

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
