@testable import Kafka
@testable import LeewayPipeline
import Testing

/// The ledger a commit point reads: reports counted per token, refusals kept.
@Suite("Delivery ledger")
struct DeliveryLedgerTests {
    static func report(_ token: UInt64, failed: Bool = false) -> DeliveryReport {
        DeliveryReport(token: token, partition: 0, offset: failed ? nil : 1,
                       error: failed ? KafkaError(.timedOut, "message timed out", operation: "deliver record") : nil)
    }

    @Test("reports are counted per token across batches and runs; forgetting a token starts it over")
    func countsPerToken() {
        let ledger = DeliveryLedger()
        ledger.handler([Self.report(2), Self.report(2), Self.report(3), Self.report(2)])
        ledger.handler([Self.report(3), Self.report(4)])
        #expect(ledger.reported(2) == 3)
        #expect(ledger.reported(3) == 2)
        #expect(ledger.reported(4) == 1)
        #expect(ledger.reported(5) == 0)
        #expect(ledger.failure == nil)
        ledger.forget(2)
        #expect(ledger.reported(2) == 0)
        #expect(ledger.reported(3) == 2)
    }

    @Test("a refused output counts as reported (its token settles) and is kept as the failure, the first one named")
    func refusals() throws {
        let ledger = DeliveryLedger()
        ledger.handler([Self.report(2), Self.report(2, failed: true)])
        ledger.handler([Self.report(3, failed: true)])
        #expect(ledger.reported(2) == 2)
        let failure = try #require(ledger.failure)
        #expect(failure.count == 2)
        #expect(failure.first.code == .timedOut)
    }
}
