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

    /// Reads every line of `text` and sends the telemetry with `producer`; `now` stamps NMEA
    /// messages without a tag-block time. Does not flush.
    public func run(_ text: String, format: Format, producer: KafkaProducer,
                    now: @Sendable () -> EventTime = { .now }) async throws(KafkaError) -> Summary {
        var session = Session(format: format)
        for line in text.split(whereSeparator: \.isNewline) {
            for telemetry in session.add(line, now: now()) {
                try await producer.sendAwaitingRoom(record(telemetry))
                session.produced += 1
            }
        }
        return session.finish()
    }

    func record(_ telemetry: Telemetry) -> ProducerRecord {
        ProducerRecord(topic: topic, key: Array(telemetry.vesselID.utf8), value: telemetry.json,
                       headers: [KafkaHeader("leeway.schema", "telemetry.v1")])
    }

    /// The per-line state every source shares: the NMEA feed or the CSV header, and the tally.
    struct Session {
        let format: Format
        var feed = AISFeed()
        var csv: MarineCadastreCSV?
        var csvReport = AISFeed.Report()
        var sawHeader = false
        var produced = 0

        init(format: Format) { self.format = format }

        mutating func add(_ line: Substring, now: EventTime) -> [Telemetry] {
            switch format {
            case .nmea:
                return line.hasPrefix("#") ? [] : feed.add(line: line, receivedAt: now)
            case .csv:
                guard sawHeader else {
                    sawHeader = true
                    csv = try? MarineCadastreCSV(header: line)
                    if csv == nil { csvReport.failures[MarineCadastreCSV.Failure.missingColumn.rawValue, default: 0] += 1 }
                    return []
                }
                guard let csv else { return [] }
                csvReport.lines += 1
                do throws(MarineCadastreCSV.Failure) {
                    let telemetry = try csv.telemetry(line)
                    csvReport.telemetry += 1
                    return [telemetry]
                } catch {
                    csvReport.failures[error.rawValue, default: 0] += 1
                    return []
                }
            }
        }

        mutating func finish() -> Summary {
            feed.finish()
            return Summary(report: format == .nmea ? feed.report : csvReport, produced: produced)
        }
    }
}
