import Foundation
import Kafka
import KafkaTestSupport
import Testing

@Suite("Producer failures are reported, not hidden", .timeLimit(.minutes(3)))
struct ProducerFailureTests {
    @Test("a producer pointed at a closed port fails with a clear error within its timeout")
    func closedPort() async throws {
        let port = try LoopbackSocket.closedPort()
        var configuration = KafkaProducerConfiguration(bootstrapServers: ["127.0.0.1:\(port)"])
        configuration.messageTimeout = .seconds(2)
        let tally = DeliveryTally()
        let producer = try KafkaProducer(configuration: configuration, onDelivery: tally.handler)
        try producer.send(ProducerRecord(topic: "nowhere", key: "k", value: Array("v".utf8)), token: 7)
        // With librdkafka's default message timeout (300 s) nothing would be reported before
        // this flush gives up; the failure below shows the 2 s one applied.
        try await producer.flush(timeout: .seconds(30))
        await producer.close()

        let failure = try #require(tally.failures.first)
        #expect(failure.code == .messageTimedOut)
        #expect(failure.isRetriable)
        #expect("\(failure)".contains("timed out"))
        #expect("\(failure)".contains("127.0.0.1:\(port)"), "names the unreachable broker: \(failure)")
    }

}
