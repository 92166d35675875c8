import Kafka
import LeewayPipeline
import LeewayTopics

extension Options {
    /// A processor's settings for a bench run: production defaults, a short session for the
    /// dev broker, no statistics, and the run's `--kafka-property` values unless told not to.
    func processor(topics: TopicNames, group: String, kafkaProperties: Bool = true) -> ProcessorConfiguration {
        var configuration = ProcessorConfiguration(bootstrapServers: [brokers])
        configuration.topics = topics
        configuration.groupID = group
        configuration.sessionTimeout = .seconds(6)
        configuration.client.statisticsInterval = nil
        if kafkaProperties { configuration.client.properties.merge(self.kafkaProperties) { _, new in new } }
        return configuration
    }

    /// A bench consumer of `topic` in `group`: a short session for the dev broker, no
    /// statistics, no commits, and the run's `--kafka-property` values when told to.
    func consumer(group: String, topic: String, kafkaProperties: Bool) -> KafkaConsumerConfiguration {
        var configuration = KafkaConsumerConfiguration(bootstrapServers: [brokers], groupID: group, topics: [topic])
        configuration.sessionTimeout = .seconds(6)
        configuration.autoCommitInterval = nil
        configuration.client.statisticsInterval = nil
        if kafkaProperties { configuration.client.properties.merge(self.kafkaProperties) { _, new in new } }
        return configuration
    }
}
