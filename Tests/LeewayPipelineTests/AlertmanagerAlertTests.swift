import Foundation
import Hummingbird
import LeewayCore
@testable import LeewayServer
import Testing

/// An alert record as an element of Alertmanager's `POST /api/v2/alerts` body.
@Suite("Alertmanager alert elements")
struct AlertmanagerAlertTests {
    static func elements(_ alert: DriftAlert, runbookBase: String? = nil) throws -> [[String: Any]] {
        let body = AlertmanagerAlert.body([ByteBuffer(bytes: alert.json)], now: EventTime(seconds: 1_796_100_000), runbookBase: runbookBase)
        return try #require(try JSONSerialization.jsonObject(with: body) as? [[String: Any]])
    }

    @Test("a firing alert goes with its other-severity copy, resolved now; a resolved one goes alone")
    func otherSeverities() throws {
        let firing = try Self.elements(CacheRun.alert("IMO1", severity: .warning))
        #expect(firing.count == 2)
        #expect((firing[0]["labels"] as? [String: String])?["severity"] == "warning" && firing[0]["endsAt"] == nil)
        #expect((firing[1]["labels"] as? [String: String])?["severity"] == "critical")
        #expect(firing[1]["endsAt"] as? String == EventTime(seconds: 1_796_100_000).description)
        #expect((firing[1]["labels"] as? [String: String])?["alert_id"] == (firing[0]["labels"] as? [String: String])?["alert_id"])
        let resolved = try Self.elements(CacheRun.alert("IMO1", resolved: true))
        #expect(resolved.count == 1 && resolved[0]["endsAt"] as? String == "2026-11-30T09:00:00Z")
    }

    @Test("runbook paths become links under --runbook-base-url; without it they stay paths")
    func runbookLinks() throws {
        let path = "docs/runbooks/fuel-residual-drift.md"
        for base in ["https://example.org/leeway/blob/main", "https://example.org/leeway/blob/main/"] {
            let linked = try Self.elements(CacheRun.alert("IMO1"), runbookBase: base)
            #expect(linked.allSatisfy { ($0["annotations"] as? [String: String])?["runbook_url"] == "https://example.org/leeway/blob/main/" + path })
        }
        let plain = try Self.elements(CacheRun.alert("IMO1"))
        #expect((plain[0]["annotations"] as? [String: String])?["runbook_url"] == path)
    }
}
