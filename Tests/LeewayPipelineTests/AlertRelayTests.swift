import Foundation
import Kafka
import KafkaTestSupport
import LeewayCore
import LeewayPipeline
import LeewayServer
import Testing

/// A cache relaying the alerts topic to an Alertmanager stand-in over HTTP.
@Suite("Alert relay to Alertmanager", .timeLimit(.minutes(2)))
struct AlertRelayTests {
    /// Every alert POSTed so far, in order, as Alertmanager received them.
    static func posted(_ receiver: WebhookReceiver) -> [[String: Any]] {
        receiver.bodies.flatMap { body in ((try? JSONSerialization.jsonObject(with: Data(body))) as? [[String: Any]]) ?? [] }
    }

    /// The vessel of a posted alert at the fixture's severity (critical); copies at other
    /// severities, sent resolved beside each firing alert, are not it.
    static func vessel(_ alert: [String: Any]) -> String? {
        guard let labels = alert["labels"] as? [String: String], labels["severity"] == "critical" else { return nil }
        return labels["vessel_id"]
    }

    /// Waits until `condition` holds over what was posted, up to 45 s (the cache catches up first).
    static func eventually(_ receiver: WebhookReceiver, _ condition: ([[String: Any]]) -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now.advanced(by: .seconds(45))
        while ContinuousClock.now < deadline {
            if condition(posted(receiver)) { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    @Test("firing alerts sent once caught up and re-sent until resolved; resolutions and withdrawals sent resolved; history not replayed")
    func relaysAndResends() async throws {
        let pipeline = try await PipelineFixture.make("relay", partitions: 1)
        // History before the cache starts: IMO1 fires; IMO2 fired and resolved.
        try await CacheRun.publish([CacheRun.alert("IMO1"), CacheRun.alert("IMO2"), CacheRun.alert("IMO2", resolved: true)], to: pipeline)
        let receiver = try await WebhookReceiver.start()
        try await CacheRun.withCache(pipeline) { stores in
            let relay = AlertRelay(board: stores.alerts, progress: stores.progress,
                                   url: URL(string: "http://127.0.0.1:\(receiver.port)/api/v2/alerts")!, resendInterval: .milliseconds(300))
            let running = Task { try await relay.run() }
            defer { running.cancel() }

            // The firing alert, three times (sent when caught up, then re-sent), in Alertmanager's shape.
            #expect(try await Self.eventually(receiver) { $0.count { Self.vessel($0) != nil } >= 3 })
            let all = Self.posted(receiver)
            let first = all.filter { Self.vessel($0) != nil }
            #expect(first.count >= 3 && first.allSatisfy { Self.vessel($0) == "IMO1" && $0["endsAt"] == nil }, "only what fires now: \(first)")
            // Beside each, its warning copy ended (a severity change leaves no stale copy).
            let copies = all.filter { ($0["labels"] as? [String: String])?["severity"] == "warning" }
            #expect(copies.count == first.count && copies.allSatisfy { $0["endsAt"] != nil && ($0["labels"] as? [String: String])?["vessel_id"] == "IMO1" })
            let labels = try #require(first.first?["labels"] as? [String: String])
            #expect(labels["alert_id"] == CacheRun.alert("IMO1").id)
            #expect(labels["alertname"] == "FuelResidualDrift" && labels["model_version"] == nil && labels["model"] == nil)
            let annotations = try #require(first.first?["annotations"] as? [String: String])
            #expect(annotations["statistic"] == "3.4" && annotations["model_version"] == "0", "the model is context, not identity")
            #expect(first.first?["startsAt"] as? String == "2026-11-30T08:00:00Z")

            // Resolved: sent with its end, and no longer re-sent.
            try await CacheRun.publish([CacheRun.alert("IMO1", resolved: true)], to: pipeline)
            #expect(try await Self.eventually(receiver) { $0.contains { Self.vessel($0) == "IMO1" && $0["endsAt"] != nil } })
            let resolvedAt = Self.posted(receiver).firstIndex { Self.vessel($0) == "IMO1" && $0["endsAt"] != nil } ?? 0
            #expect(Self.posted(receiver)[resolvedAt]["endsAt"] as? String == "2026-11-30T09:00:00Z")
            try await Task.sleep(for: .seconds(1))
            #expect(!Self.posted(receiver).dropFirst(resolvedAt + 1).contains { Self.vessel($0) == "IMO1" }, "a resolved alert is not re-sent")

            // Withdrawn (the processor forgot the vessel: a tombstone): sent resolved, ending now.
            try await CacheRun.publish([CacheRun.alert("IMO3")], to: pipeline)
            #expect(try await Self.eventually(receiver) { $0.contains { Self.vessel($0) == "IMO3" } })
            try await CacheRun.withdraw([CacheRun.alert("IMO3").id], from: pipeline)
            #expect(try await Self.eventually(receiver) { $0.contains { Self.vessel($0) == "IMO3" && $0["endsAt"] != nil } })
            let withdrawn = try #require(Self.posted(receiver).last { Self.vessel($0) == "IMO3" && $0["endsAt"] != nil })
            let endsAt = try #require(EventTime(rfc3339: withdrawn["endsAt"] as? String ?? ""))
            #expect(abs(endsAt.microseconds - EventTime.now.microseconds) < 60_000_000, "ends when the cache read the withdrawal")
            #expect(stores.alerts.alerts(status: nil).allSatisfy { $0.vesselID != "IMO3" }, "and the board forgot it")
        }
        await receiver.stop()
        #expect(!Self.posted(receiver).contains { Self.vessel($0) == "IMO2" }, "history is not replayed")
    }
}
