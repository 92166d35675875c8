import Foundation
import Metrics

/// Turns librdkafka's periodic statistics JSON into swift-metrics gauges: consumer lag per
/// partition (against the stored, i.e. processed, offset; else the committed one),
/// round-trip time per broker, and messages queued in the client.
struct StatisticsReporter: Sendable {
    let clientID: String

    func report(_ json: UnsafeRawBufferPointer) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json)) as? [String: Any] else { return }
        let client = ("client", clientID)
        if let queued = object["msg_cnt"] as? Int {
            Gauge(label: "kafka_client_queued_messages", dimensions: [client]).record(queued)
        }
        for (name, broker) in object["brokers"] as? [String: [String: Any]] ?? [:] {
            guard let rtt = broker["rtt"] as? [String: Any], let avg = rtt["avg"] as? Int, avg > 0 else { continue }
            Gauge(label: "kafka_broker_rtt_seconds", dimensions: [client, ("broker", name)]).record(Double(avg) / 1e6)
        }
        for (topic, details) in object["topics"] as? [String: [String: Any]] ?? [:] {
            for (partition, stats) in details["partitions"] as? [String: [String: Any]] ?? [:] where partition != "-1" {
                let stored = stats["consumer_lag_stored"] as? Int ?? -1
                let lag = stored >= 0 ? stored : stats["consumer_lag"] as? Int ?? -1
                guard lag >= 0 else { continue }
                Gauge(
                    label: "kafka_consumer_lag",
                    dimensions: [client, ("topic", topic), ("partition", partition)]
                ).record(lag)
            }
        }
    }
}
