import Kafka
import LeewayCore
import Logging
import ServiceLifecycle

/// `leeway run --role monitor`: data drift per vessel type. Reads telemetry as a consumer
/// group of its own (run one instance: every type's statistics in one place) and compares
/// the distribution of each type's fuel and power residuals, regime by regime, with the
/// approved model's training data (``DataDriftMonitor``), and watches each type's share of
/// records refused for values out of range (``OutOfRangeRate``). Alerts go to the alerts topic (a cache relays them to Alertmanager) and `/metrics`.
///
/// Its windows live in memory: after a restart they refill over one window (24 h of
/// event time by default) before testing again. Offsets are committed as records are seen.
public final class DriftMonitor: Service {
    private let configuration: ProcessorConfiguration
    private let models: ServingModels
    private let logger: Logger
    private let settings: DataDriftWatch.Settings

    /// A monitor on the processor's topics, comparing with `models`' references.
    public init(configuration: ProcessorConfiguration, groupID: String = "leeway-monitor", models: ServingModels,
                settings: DataDriftWatch.Settings = DataDriftWatch.Settings(),
                logger: Logger = Logger(label: "leeway.monitor")) {
        var configuration = configuration
        configuration.groupID = groupID
        self.configuration = configuration
        self.models = models
        self.settings = settings
        self.logger = logger
    }

    /// Runs until graceful shutdown.
    public func run() async throws {
        var producerConfiguration = KafkaProducerConfiguration(bootstrapServers: configuration.client.bootstrapServers)
        producerConfiguration.client = configuration.client
        producerConfiguration.messageTimeout = configuration.deliveryTimeout
        let producer = try KafkaProducer(configuration: producerConfiguration, logger: logger)
        var consumerConfiguration = KafkaConsumerConfiguration(bootstrapServers: configuration.client.bootstrapServers,
                                                               groupID: configuration.groupID, topics: [configuration.topics.telemetry])
        consumerConfiguration.client = configuration.client
        consumerConfiguration.sessionTimeout = configuration.sessionTimeout
        consumerConfiguration.heartbeatInterval = max(.milliseconds(100), configuration.sessionTimeout / 10)
        consumerConfiguration.autoCommitInterval = .seconds(1)
        let consumer = try KafkaConsumer(configuration: consumerConfiguration, logger: logger)
        let sink = AlertSink(output: producer, topic: configuration.topics.alerts)
        var monitor = DataDriftMonitor()
        monitor.settings = settings
        var serving = models.snapshot
        let noHistory = VesselState(vesselID: "", vesselType: .other)
        var progress = (reports: 0, compared: 0, alerts: 0, since: ContinuousClock.now)
        var rates: [VesselType: OutOfRangeRate] = [:]
        let rateSettings = OutOfRangeRate.Settings()
        /// Counts a record in its type's out-of-range share and publishes a spike's transitions.
        func count(_ type: VesselType, outOfRange: Bool, at time: EventTime) async throws {
            var rate = rates[type] ?? OutOfRangeRate(settings: rateSettings)
            let transition = rate.observe(outOfRange: outOfRange, at: time, settings: rateSettings)
            rates[type] = rate
            if let transition {
                let alert = DriftAlert.outOfRangeSpike(transition, type: type, rate: rate, settings: rateSettings)
                logger.notice("out-of-range spike alert", metadata: ["type": "\(type.rawValue)", "status": "\(alert.status)"])
                try await sink.publish(alert)
                progress.alerts += 1
            }
        }
        do {
            try await withGracefulShutdownHandler {
                for try await event in consumer {
                    guard case .records(let records) = event else { continue }
                    if models.generation != serving.generation { serving = models.snapshot }
                    progress.reports += records.count
                    for record in records {
                        guard let value = record.value else { continue }
                        let report: Telemetry
                        switch Result(catching: { () throws(TelemetryRejection) in try TelemetryDecoder.decode(value) }) {
                        case .success(let decoded):
                            report = decoded
                        case .failure(let rejection):
                            if case .outOfRange = rejection.reason, let type = rejection.vesselType, let time = record.timestampMilliseconds {
                                try await count(type, outOfRange: true, at: EventTime(microseconds: time * 1000))
                            }
                            continue
                        }
                        try await count(report.vesselType, outOfRange: false,
                                        at: record.timestampMilliseconds.map { EventTime(microseconds: $0 * 1000) } ?? report.eventTime)
                        guard let references = serving.references[report.vesselType] else { continue }
                        progress.compared += 1
                        // Stateless: the report's own draught and fouling (else the model's assumptions).
                        // A batch model's residuals are not compared here: its vectors need the
                        // vessel's history, which only the processor keeps.
                        let served = serving.catalog.served(for: report.vesselType)
                        for alert in monitor.observe(report, references: references, predict: {
                            if case .inline(let model) = served { model.predict(report, state: noHistory) } else { nil }
                        }) {
                            logger.notice("data drift alert", metadata: ["alert": "\(alert.labels.feature)", "status": "\(alert.status)"])
                            try await sink.publish(alert)
                            progress.alerts += 1
                        }
                    }
                    if ContinuousClock.now - progress.since >= .seconds(10) {
                        logger.info("progress", metadata: ["reports": "\(progress.reports)", "compared": "\(progress.compared)",
                                                           "watches": "\(monitor.count)", "alerts": "\(progress.alerts)"])
                        progress = (0, 0, 0, .now)
                    }
                    try await producer.flush(timeout: configuration.settleTimeout)
                    try consumer.store(processed: records)
                }
            } onGracefulShutdown: {
                consumer.requestClose()
            }
        } catch {
            await consumer.close()
            await producer.close(timeout: .seconds(5))
            if error is CancellationError { return }
            throw error
        }
        await consumer.close()
        await producer.close()
    }
}
