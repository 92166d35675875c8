import Foundation
import Kafka
import KafkaTestSupport
import LeewayCore
import LeewayPipeline
import Testing

/// One record of every reject reason, with the reason it must carry into the DLQ.
let rejects: [(value: [UInt8]?, reason: String)] = [
    (Array(#"{"vessel_id":"a","#.utf8), "malformed_json"),
    ([0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D], "malformed_json"),
    (nil, "malformed_json"),
    (Array((#"{"pad":""# + String(repeating: "x", count: 70_000) + #""}"#).utf8), "too_large"),
    (Array(#"{"vessel_type":"tug","ts":"2026-11-29T08:00:00Z"}"#.utf8), "missing_field:vessel_id"),
    (Array(#"{"vessel_id":"v1","ts":"2026-11-29T08:00:00Z"}"#.utf8), "missing_field:vessel_type"),
    (Array(#"{"vessel_id":"v1","vessel_type":"tug"}"#.utf8), "missing_field:ts"),
    (Array(#"{"vessel_id":"v1","vessel_type":"tug","ts":"2026-11-29T08:00:00Z","sog_kn":"fast"}"#.utf8), "bad_type:sog_kn"),
    (Array(#"{"vessel_id":"v1","vessel_type":"tug","ts":"2026-11-29T08:00:00Z","fuel_rate_tph":NaN}"#.utf8), "bad_type:fuel_rate_tph"),
    (Array(#"{"vessel_id":"v1","vessel_type":"tug","ts":"2026-11-29T08:00:00Z","lat":-91}"#.utf8), "out_of_range:lat"),
    (Array(#"{"vessel_id":"v1","vessel_type":"zeppelin","ts":"2026-11-29T08:00:00Z"}"#.utf8), "unknown_vessel_type"),
    (Array(#"{"vessel_id":"v1","vessel_type":"tug","ts":"yesterday"}"#.utf8), "bad_ts"),
    (Array(#"{"vessel_id":"v 1","vessel_type":"tug","ts":"2026-11-29T08:00:00Z"}"#.utf8), "bad_vessel_id"),
]

@Suite("Rejected telemetry goes to the dead-letter topic with its reason", .timeLimit(.minutes(3)))
struct DeadLetterTests {
    @Test("every reject reason arrives in the DLQ with original key, bytes and explaining headers; valid records pass")
    func everyReasonThroughTheBroker() async throws {
        let telemetry = try await TestBroker.makeTopic("telemetry", partitions: 3)
        let dlq = try await TestBroker.makeTopic("telemetry-dlq", partitions: 1)
        let producer = try KafkaProducer(configuration: TestBroker.producerConfiguration())
        let valid = Array(#"{"vessel_id":"IMO9321483","vessel_type":"tanker","ts":"2026-11-29T08:00:00Z","sog_kn":12.5}"#.utf8)
        for (i, reject) in rejects.enumerated() {
            try producer.send(ProducerRecord(topic: telemetry, key: Array("key-\(i)".utf8), value: reject.value,
                                             headers: [KafkaHeader("case", "\(i)")]))
        }
        for _ in 0..<5 { try producer.send(ProducerRecord(topic: telemetry, key: "IMO9321483", value: valid)) }
        try await producer.flush()

        // The intake step, wired as the processor will: reject → DLQ, then store the offset.
        let intake = TelemetryIntake(deadLetterTopic: dlq)
        let consumer = try KafkaConsumer(configuration: TestBroker.consumerConfiguration(group: "intake-\(UUID())", topic: telemetry))
        var accepted = 0, rejected = 0
        for try await event in consumer {
            guard case .records(let records) = event else { continue }
            for record in records {
                switch intake.admit(record, now: .now) {
                case .accepted(let t):
                    #expect(t.vesselID == "IMO9321483" && t[.speedOverGround] == 12.5)
                    accepted += 1
                case .rejected(let letter, _):
                    try producer.send(letter)
                    rejected += 1
                }
            }
            try await producer.flush()
            try consumer.store(processed: records)
            if accepted + rejected == rejects.count + 5 { break }
        }
        await consumer.close()
        await producer.close()
        #expect(accepted == 5)
        #expect(rejected == rejects.count)

        let letters = try await TestBroker.readAll(dlq, count: rejects.count)
        #expect(letters.count == rejects.count)
        for letter in letters {
            let i = try #require(letter.headers.string("case").flatMap(Int.init))
            #expect(letter.headers.string(DeadLetter.Header.reason) == rejects[i].reason, "case \(i)")
            if rejects[i].reason == "too_large" {
                // Cut to the first 64 KiB so it always fits the broker; the full size is in a header.
                #expect(letter.value == rejects[i].value.map { Array($0.prefix(DeadLetter.maxValueBytes)) }, "case \(i)")
                #expect(letter.headers.string(DeadLetter.Header.originalBytes) == String(rejects[i].value?.count ?? 0))
            } else {
                #expect(letter.value == rejects[i].value, "original bytes kept, case \(i)")
                #expect(letter.headers.string(DeadLetter.Header.originalBytes) == nil)
            }
            #expect(letter.key == Array("key-\(i)".utf8))
            #expect(letter.headers.string(DeadLetter.Header.sourceTopic) == telemetry)
            #expect(letter.headers.string(DeadLetter.Header.sourceOffset).flatMap(Int64.init) != nil)
            #expect(letter.headers.string(DeadLetter.Header.sourcePartition).flatMap(Int32.init) != nil)
            #expect(letter.headers.string(DeadLetter.Header.time).flatMap { EventTime(rfc3339: $0) } != nil)
            #expect(!(letter.headers.string(DeadLetter.Header.detail) ?? "").isEmpty)
        }
    }
}
