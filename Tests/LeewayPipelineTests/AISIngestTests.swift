import Foundation
import Kafka
import KafkaTestSupport
import LeewayCore
import LeewayPipeline
import Testing

private let fixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/ais")

@Suite("Real AIS traffic replayed through the broker")
struct AISIngestTests {
    @Test("New York Harbor CSV hour: every row arrives on the telemetry topic as valid telemetry v1, keyed by vessel")
    func newYorkHarbor() async throws {
        let topic = try await TestBroker.makeTopic("ais-csv", partitions: 4)
        let text = try String(contentsOf: fixtures.appendingPathComponent("nyharbor-2020-06-30-first-hour.csv"), encoding: .utf8)
        let producer = try KafkaProducer(configuration: TestBroker.producerConfiguration())
        let summary = try await AISIngest(topic: topic).run(text, format: .csv, producer: producer)
        try await producer.flush()
        await producer.close()
        #expect(summary.produced == 8_689)
        #expect(summary.report.failures.isEmpty)

        let records = try await readAll(topic, count: summary.produced)
        #expect(records.count == 8_689)
        var vessels = Set<String>()
        for record in records {
            let telemetry = try TelemetryDecoder.decode(try #require(record.value))
            #expect(record.key == Array(telemetry.vesselID.utf8))
            vessels.insert(telemetry.vesselID)
        }
        #expect(vessels.count == 295)
    }

    @Test("USCG NMEA slice: every position report is produced, stamped with its tag-block time")
    func uscgNMEA() async throws {
        let topic = try await TestBroker.makeTopic("ais-nmea", partitions: 4)
        let text = try String(contentsOf: fixtures.appendingPathComponent("uscg-nais-2016-07-28-first-20000-lines.nmea"), encoding: .utf8)
        let producer = try KafkaProducer(configuration: TestBroker.producerConfiguration())
        let summary = try await AISIngest(topic: topic).run(text, format: .nmea, producer: producer)
        try await producer.flush()
        await producer.close()
        #expect(summary.produced == summary.report.telemetry && summary.produced > 7_000)
        let records = try await readAll(topic, count: summary.produced)
        #expect(records.count == summary.produced)
        let times = try records.map { try TelemetryDecoder.decode($0.value ?? []).eventTime }
        #expect(times.allSatisfy { (EventTime(rfc3339: "2016-07-27T23:00:00Z")!...EventTime(rfc3339: "2016-07-28T01:00:00Z")!).contains($0) })
    }

    private func readAll(_ topic: String, count: Int) async throws -> [ConsumerRecord] {
        let consumer = try KafkaConsumer(configuration: TestBroker.consumerConfiguration(group: "read-\(UUID())", topic: topic))
        var records: [ConsumerRecord] = []
        for try await event in consumer {
            guard case .records(let batch) = event else { continue }
            records += batch
            if records.count >= count { break }
        }
        await consumer.close()
        return records
    }
}
