import Kafka
import Testing

@Suite("Clients refuse bad configuration with a clear error")
struct ClientConfigurationTests {
    @Test("the loaded librdkafka is 2.8.0 or newer (the rpath points at the right library)")
    func librdkafkaVersionGuard() {
        let v = Librdkafka.versionTriple
        #expect((v.major, v.minor) >= (2, 8), "loaded librdkafka \(Librdkafka.version)")
        #expect(Librdkafka.isSupported)
    }

    @Test("a refused configuration carries librdkafka's own code for it, not an unrelated one")
    func configurationCode() {
        #expect(KafkaError.Code.invalidConfiguration.name == "_INVALID_ARG")
        #expect(KafkaError.Code.invalidConfiguration.explanation.contains("configuration"))
    }

    @Test("an unknown librdkafka property names itself in the error")
    func unknownProperty() {
        var configuration = KafkaProducerConfiguration(bootstrapServers: ["127.0.0.1:1"])
        configuration.client.properties["no.such.property"] = "1"
        #expect {
            _ = try KafkaProducer(configuration: configuration)
        } throws: { error in
            "\(error)".contains("no.such.property") && (error as? KafkaError)?.code == .invalidConfiguration
        }
    }

    @Test("a consumer without topics is refused, not trapped")
    func consumerWithoutTopics() {
        let configuration = KafkaConsumerConfiguration(bootstrapServers: ["127.0.0.1:1"], groupID: "g", topics: [])
        #expect(throws: KafkaError.self) { _ = try KafkaConsumer(configuration: configuration) }
    }

    @Test("rebalance-related commit errors are recognised")
    func rebalanceErrors() {
        #expect(KafkaError(.illegalGeneration, operation: "commit").isRebalanceRelated)
        #expect(KafkaError(.rebalanceInProgress, operation: "commit").isRebalanceRelated)
        #expect(!KafkaError(.messageTimedOut, operation: "deliver").isRebalanceRelated)
        #expect("\(KafkaError(.illegalGeneration, operation: "commit"))".contains("ILLEGAL_GENERATION"))
    }
}
