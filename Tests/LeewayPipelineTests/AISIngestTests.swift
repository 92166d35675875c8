import Foundation
import Kafka
import KafkaTestSupport
import LeewayCore
import LeewayPipeline
import Testing

private let fixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/ais")

@Suite("Real AIS traffic replayed through the broker", .timeLimit(.minutes(3)))
struct AISIngestTests {
    @Test("New York Harbor CSV hour: every row arrives on the telemetry topic as valid telemetry v1, keyed by vessel")
    func newYorkHarbor() async throws {
        let (topic, summary) = try await ingest("nyharbor-2020-06-30-first-hour.csv", format: .csv)
        #expect(summary.produced == 8_689)
        #expect(summary.report.failures.isEmpty)

        let records = try await TestBroker.readAll(topic, count: summary.produced)
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
        let (topic, summary) = try await ingest("uscg-nais-2016-07-28-first-20000-lines.nmea", format: .nmea)
        #expect(summary.produced == summary.report.telemetry && summary.produced > 7_000)
        let records = try await TestBroker.readAll(topic, count: summary.produced)
        #expect(records.count == summary.produced)
        let times = try records.map { try TelemetryDecoder.decode($0.value ?? []).eventTime }
        #expect(times.allSatisfy { (EventTime(rfc3339: "2016-07-27T23:00:00Z")!...EventTime(rfc3339: "2016-07-28T01:00:00Z")!).contains($0) })
    }

    /// Ingests a fixture file into a fresh topic.
    private func ingest(_ fixture: String, format: AISIngest.Format) async throws -> (String, AISIngest.Summary) {
        let topic = try await TestBroker.makeTopic("ais-\(format)", partitions: 4)
        let text = try String(contentsOf: fixtures.appendingPathComponent(fixture), encoding: .utf8)
        let producer = try KafkaProducer(configuration: TestBroker.producerConfiguration())
        let summary = try await AISIngest(topic: topic).run(text, format: format, producer: producer)
        try await producer.flush()
        await producer.close()
        return (topic, summary)
    }
}

@Suite("AIS from a receiver's TCP feed", .timeLimit(.minutes(3)))
struct AISTCPFeedTests {
    @Test("a TCP feed yields the same telemetry as the same sentences from a file")
    func tcpFeed() async throws {
        let topic = try await TestBroker.makeTopic("ais-tcp", partitions: 2)
        let data = try Data(contentsOf: fixtures.appendingPathComponent("uscg-nais-2016-07-28-first-20000-lines.nmea"))
        let server = try LoopbackFeedServer(serving: Array(data))
        let producer = try KafkaProducer(configuration: TestBroker.producerConfiguration())
        let summary = try await AISIngest(topic: topic).run(tcpHost: "127.0.0.1", port: server.port, format: .nmea, producer: producer)
        try await producer.flush()
        await producer.close()

        var feed = AISFeed()
        var expected = 0
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
            expected += feed.add(line: line, receivedAt: EventTime(seconds: 0)).count
        }
        #expect(summary.produced == expected)
        #expect(summary.report.decodedByType[5] == 296)
    }

    @Test("an unreachable feed fails with a clear error")
    func unreachable() async throws {
        let producer = try KafkaProducer(configuration: TestBroker.producerConfiguration())
        await #expect {
            _ = try await AISIngest().run(tcpHost: "127.0.0.1", port: 1, format: .nmea, producer: producer)
        } throws: { "\($0)".contains("cannot connect to the AIS feed at 127.0.0.1:1") }
        await producer.close()
    }
}

/// A one-shot loopback TCP server that sends `bytes` to its first client and closes.
final class LoopbackFeedServer: Sendable {
    let port: Int

    init(serving bytes: [UInt8]) throws {
        let (fd, port) = try LoopbackSocket.bind(listening: true)
        self.port = port
        Thread {
            let client = accept(fd, nil, nil)
            var offset = 0
            while client >= 0, offset < bytes.count {
                let n = bytes[offset...].withUnsafeBytes { write(client, $0.baseAddress, min($0.count, 4096)) }
                guard n > 0 else { break }
                offset += n
            }
            close(client)
            close(fd)
        }.start()
    }
}
