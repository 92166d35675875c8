import Kafka
import LeewayCore

/// `leeway ingest ais`: real AIS traffic (NMEA 0183 with tag blocks, or MarineCadastre CSV)
/// turned into telemetry v1 and produced to the telemetry topic, keyed by vessel id.
public struct AISIngest: Sendable {
    /// The input's format.
    public enum Format: String, Sendable, CaseIterable {
        /// NMEA 0183 `!AIVDM`/`!AIVDO` sentences, optionally behind NMEA 4 tag blocks.
        case nmea
        /// MarineCadastre AIS CSV with a header row.
        case csv
    }

    /// What an ingest run read and produced.
    public struct Summary: Sendable {
        /// The NMEA tally (for CSV: rows as lines, bad rows as failures).
        public var report: AISFeed.Report
        /// Records handed to the producer.
        public var produced: Int
    }

    /// Where telemetry goes.
    public var topic: String

    /// Creates an ingest run producing to `topic`.
    public init(topic: String = "fleet.telemetry.v1") {
        self.topic = topic
    }

    /// Reads every line of `text` in `format` and sends the telemetry with `producer`;
    /// `now` stamps NMEA messages without a tag-block time. Does not flush.
    public func run(_ text: String, format: Format, producer: KafkaProducer,
                    now: @Sendable () -> EventTime = { .now }) async throws(KafkaError) -> Summary {
        var produced = 0
        func send(_ telemetry: Telemetry) async throws(KafkaError) {
            try await producer.sendAwaitingRoom(ProducerRecord(topic: topic, key: Array(telemetry.vesselID.utf8), value: telemetry.json,
                                                               headers: [KafkaHeader("leeway.schema", "telemetry.v1")]))
            produced += 1
        }
        switch format {
        case .nmea:
            var feed = AISFeed()
            for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
                for telemetry in feed.add(line: line, receivedAt: now()) { try await send(telemetry) }
            }
            feed.finish()
            return Summary(report: feed.report, produced: produced)
        case .csv:
            var report = AISFeed.Report()
            var rows = text.split(whereSeparator: \.isNewline)[...]
            guard let header = rows.popFirst(), let csv = try? MarineCadastreCSV(header: header) else {
                report.failures[MarineCadastreCSV.Failure.missingColumn.rawValue] = 1
                return Summary(report: report, produced: 0)
            }
            for row in rows {
                report.lines += 1
                let telemetry: Telemetry
                do throws(MarineCadastreCSV.Failure) {
                    telemetry = try csv.telemetry(row)
                } catch {
                    report.failures[error.rawValue, default: 0] += 1
                    continue
                }
                try await send(telemetry)
                report.telemetry += 1
            }
            return Summary(report: report, produced: produced)
        }
    }
}
