import LeewayCore
import Metrics
import Synchronization

/// The `leeway_alert` gauge: one series per firing alert (like Prometheus' `ALERTS`),
/// removed once the alert resolves or is withdrawn. At most `limit` series exist: a fleet
/// where thousands of vessels go silent at once would otherwise make Prometheus (and this
/// process, whose registry copies a family on every new series) pay per vessel; alerts past
/// the limit still reach the topic and are counted in
/// `leeway_alert_series_dropped_total`.
final class AlertSeries: Sendable {
    /// The most series kept.
    let limit: Int
    private let live = Mutex<[String: Gauge]>([:])
    private let dropped = Counter(label: "leeway_alert_series_dropped_total")

    init(limit: Int = 1_000) { self.limit = limit }

    /// Sets the series of `alert`: 1 while it fires; a resolved alert's series goes.
    func record(_ alert: DriftAlert) {
        guard alert.status == .firing else { return end(alert.id) }
        let gauge: Gauge? = live.withLock { live in
            if let gauge = live[alert.id] { return gauge }
            guard live.count < limit else { return nil }
            let gauge = Gauge(label: "leeway_alert", dimensions: [
                ("alertname", alert.labels.alertname), ("vessel_type", alert.labels.vesselType.rawValue),
                ("vessel_id", alert.labels.vesselID ?? ""), ("feature", alert.labels.feature), ("detector", alert.labels.detector),
            ])
            live[alert.id] = gauge
            return gauge
        }
        if let gauge { gauge.record(1) } else { dropped.increment() }
    }

    /// Removes the series of alert `id`, if it has one.
    func end(_ id: String) {
        live.withLock { $0.removeValue(forKey: id) }?.destroy()
    }

    /// How many series exist now.
    var count: Int { live.withLock { $0.count } }
}
