import Kafka
import LeewayCore

/// Where alerts go: the alerts topic (keyed by alert id; caches relay it to Alertmanager,
/// ``AlertRelay`` in LeewayServer) and the `leeway_alert` gauge (``AlertSeries``).
struct AlertSink {
    let output: any RecordOutput
    let topic: String
    let series = AlertSeries()

    /// Sends `alert`; `timestamp` is the Kafka timestamp of the report that raised it (nil:
    /// now, for alerts no report raised).
    func publish(_ alert: DriftAlert, timestamp: Int64? = nil) async throws {
        try await output.emit(ProducerRecord(
            topic: topic, key: Array(alert.id.utf8), value: alert.json,
            headers: [KafkaHeader("leeway.schema", DriftAlert.schemaVersion)], timestampMilliseconds: timestamp))
        series.record(alert)
    }

    /// Withdraws alert `id` of a vessel no longer watched (expired or evicted): a tombstone
    /// on the alerts topic, so caches and compaction forget it, and no series.
    func withdraw(_ id: String) async throws {
        try await output.emit(ProducerRecord(topic: topic, key: Array(id.utf8), value: nil))
        series.end(id)
    }
}
