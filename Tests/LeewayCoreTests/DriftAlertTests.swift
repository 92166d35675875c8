import Foundation
import LeewayCore
import Testing

@Suite("Drift alert records")
struct DriftAlertTests {
    static func alert(severity: AlertSeverity, endsAt: EventTime?) -> DriftAlert {
        DriftAlert(
            labels: .init(alertname: "FuelResidualDrift", severity: severity, vesselType: .tanker, vesselID: "IMO9100003",
                          model: "tanker-physics-baseline", modelVersion: 0, feature: "fuel_rate_tph", detector: "page_hinkley"),
            annotations: .init(summary: "Fuel reads \"high\"\tvs the model\n", statistic: 51.25, threshold: 50,
                               window: "since 2026-11-30T08:00:00Z", referencePeriod: "physics baseline",
                               runbookURL: "https://leeway.dev/runbooks/fuel-residual-drift"),
            startsAt: EventTime(seconds: 1_796_025_600), endsAt: endsAt, status: endsAt == nil ? .firing : .resolved)
    }

    @Test("JSON has Alertmanager's shape, escapes free text, and one alert keeps one id through its life")
    func json() throws {
        let firing = Self.alert(severity: .warning, endsAt: nil)
        let resolved = Self.alert(severity: .critical, endsAt: EventTime(seconds: 1_796_029_200))
        #expect(firing.id == resolved.id, "severity and status do not change the id")
        var underNewModel = resolved
        underNewModel.labels.model = "tanker-linear-physics"
        underNewModel.labels.modelVersion = 2
        #expect(underNewModel.id == firing.id, "nor does a model approved while it fired: its resolution replaces the firing record")
        var other = firing
        other.labels.vesselID = "IMO9100004"
        #expect(other.id != firing.id)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(firing.json)) as? [String: Any])
        #expect(object["status"] as? String == "firing")
        #expect(object["endsAt"] is NSNull)
        let annotations = try #require(object["annotations"] as? [String: Any])
        #expect(annotations["summary"] as? String == "Fuel reads \"high\"\tvs the model\n")
        #expect(annotations["statistic"] as? Double == 51.25)
        let labels = try #require(object["labels"] as? [String: Any])
        #expect(labels["vessel_id"] as? String == "IMO9100003" && labels["severity"] as? String == "warning")
        let ended = try #require(try JSONSerialization.jsonObject(with: Data(resolved.json)) as? [String: Any])
        #expect(ended["endsAt"] as? String == "2026-11-30T09:00:00Z")
        #expect(firing.id.count == 16)
    }
}
