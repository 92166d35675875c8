import Kafka
import KafkaTestSupport
import Testing

@Suite("Idle events", .timeLimit(.minutes(2)))
struct IdleEventTests {
    @Test("a quiet topic yields .idle at the configured interval, and records still arrive between them")
    func idleWhenQuiet() async throws {
        let topic = try await TestBroker.makeTopic("idle", partitions: 1)
        var configuration = TestBroker.consumerConfiguration(group: "idle-\(topic)", topic: topic)
        configuration.idleEventInterval = .milliseconds(200)
        let consumer = try KafkaConsumer(configuration: configuration)
        var idles = 0, records = 0
        var sent = false
        for try await event in consumer {
            switch event {
            case .idle:
                idles += 1
                if idles == 3, !sent {
                    sent = true
                    let producer = try KafkaProducer(configuration: TestBroker.producerConfiguration())
                    try producer.send(ProducerRecord(topic: topic, key: nil, value: [1, 2, 3]))
                    try await producer.flush()
                    await producer.close()
                }
            case .records(let batch): records += batch.count
            default: break
            }
            if records == 1, idles >= 5 { break }
        }
        await consumer.close()
        #expect(records == 1)
        #expect(idles >= 5)
    }

    @Test("without an interval no idle event is ever sent")
    func neverByDefault() async throws {
        let topic = try await TestBroker.makeTopic("no-idle", partitions: 1)
        let consumer = try KafkaConsumer(configuration: TestBroker.consumerConfiguration(group: "no-idle-\(topic)", topic: topic))
        let producer = try KafkaProducer(configuration: TestBroker.producerConfiguration())
        var events: [String] = []
        for try await event in consumer {
            switch event {
            case .assigned:
                events.append("assigned")
                try await Task.sleep(for: .milliseconds(600))
                try producer.send(ProducerRecord(topic: topic, key: nil, value: [1]))
            case .records: events.append("records")
            case .idle: events.append("idle")
            default: break
            }
            if events.contains("records") { break }
        }
        await producer.close()
        await consumer.close()
        #expect(events == ["assigned", "records"])
    }
}
