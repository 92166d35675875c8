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
}
