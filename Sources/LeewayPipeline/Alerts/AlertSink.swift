import Kafka
import LeewayCore
import Metrics

/// Where alerts go: the alerts topic (keyed by alert id), the optional webhook, and one
/// `leeway_alert` gauge series per alert (1 while firing, 0 once resolved, like Prometheus' `ALERTS`).
struct AlertSink {
    let producer: KafkaProducer
    let topic: String
    let webhook: AlertWebhook?

    func publish(_ alert: DriftAlert) async throws {
        try await producer.sendAwaitingRoom(ProducerRecord(
            topic: topic, key: Array(alert.id.utf8), value: alert.json,
            headers: [KafkaHeader("leeway.schema", DriftAlert.schemaVersion)]))
        webhook?.post(alert)
        Gauge(label: "leeway_alert", dimensions: [
            ("alertname", alert.labels.alertname), ("vessel_type", alert.labels.vesselType.rawValue),
            ("vessel_id", alert.labels.vesselID ?? ""), ("feature", alert.labels.feature), ("detector", alert.labels.detector),
        ]).record(alert.status == .firing ? 1 : 0)
    }
}
