import Kafka
import KafkaTestSupport
import LeewayPipeline
import Testing

/// The delivery timeout bounds the outage a running processor rides out (a 30 s limit once
/// stopped it in a 30 s freeze of the broker in `make chaos`).
@Suite("Processor delivery timeout on a mock cluster", .timeLimit(.minutes(2)))
struct DeliveryTimeoutTests {
    @Test("a commit waits for delivery reports at least as long as outputs may wait for the broker, whatever --delivery-timeout says")
    func commitsOutwaitTheDeliveryTimeout() {
        var configuration = ProcessorConfiguration(bootstrapServers: ["127.0.0.1:1"])
        for seconds in [2, 30, 300, 900] {
            configuration.deliveryTimeout = .seconds(seconds)
            #expect(configuration.settleTimeout > configuration.deliveryTimeout, "--delivery-timeout \(seconds)")
        }
    }

    @Test("outputs the broker does not take within the delivery timeout stop the processor; their input stays uncommitted")
    func outageLongerThanTheTimeoutStops() async throws {
        let mock = try MockCluster(brokers: 1)
        let pipeline = try await PipelineFixture.make("deliverytimeout", partitions: 1, on: mock)
        try await pipeline.produce((0..<20).map { PipelineFixture.report("IMO\($0 % 4)", minutes: $0) })
        // From here on the broker answers every produce with a retriable error, for far longer
        // than the 2 s timeout (librdkafka retries each, backing off up to 1 s); without the
        // setting the processor would retry past the suite's time limit.
        mock.fail(.produce, with: Array(repeating: .requestTimedOut, count: 200))
        var configuration = pipeline.configuration
        configuration.deliveryTimeout = .seconds(2)
        configuration.commitInterval = .milliseconds(50)
        await #expect {
            try await Processor(configuration: configuration).run()
        } throws: { error in
            guard case .outputsRefused(let count, _) = error as? ProcessorError else { return false }
            return count > 0
        }
        #expect(try await pipeline.committedCount() == 0, "no input of a refused output is committed")
    }
}
