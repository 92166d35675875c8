import LeewayCore
@testable import LeewayPipeline
import Testing

@Suite("leeway_alert series bound")
struct AlertSeriesTests {
    private func stale(_ id: String) -> DriftAlert {
        var vessel = VesselState(vesselID: id, vesselType: .tanker)
        vessel.lastEventTime = EventTime(microseconds: 1_796_025_600_000_000)
        return DriftAlert.staleTelemetry(vessel, after: .seconds(3600), resumedAt: nil)
    }

    @Test("one series per firing alert up to the limit; resolving or withdrawing removes it and frees room")
    func boundedSeries() {
        let series = AlertSeries(limit: 2)
        let alerts = ["V1", "V2", "V3"].map(stale)
        for alert in alerts { series.record(alert) }
        series.record(alerts[0])
        #expect(series.count == 2, "the third firing alert gets no series")
        let resolved = DriftAlert.staleTelemetry(VesselState(vesselID: "V1", vesselType: .tanker), after: .seconds(3600),
                                                 resumedAt: EventTime(microseconds: 1_796_040_000_000_000))
        #expect(resolved.id == alerts[0].id && resolved.status == .resolved)
        series.record(resolved)
        #expect(series.count == 1)
        series.end(alerts[1].id)
        #expect(series.count == 0)
        series.record(alerts[2])
        #expect(series.count == 1)
    }
}
