import Foundation
import LeewayTopics
import ArgumentParser
import Kafka
import LeewayCore
import LeewayInference
import LeewayPipeline
import LeewayServer
import Metrics
import Prometheus
import Logging
import ServiceLifecycle

/// `leeway run --role processor`: the long-running service.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run Leeway until SIGINT/SIGTERM: the processor (telemetry to predictions), the pull-API cache, or the data-drift monitor.",
        discussion: """
        The processor joins the processors' consumer group, restores its partitions' vessel state from \
        the changelog, and commits only what every output has been acknowledged for. Stop it with \
        Ctrl-C or SIGTERM: it flushes, commits and leaves the group. The monitor (one instance) reads \
        telemetry in a group of its own and raises DataDrift alerts when a vessel type's fuel or power, \
        regime by regime, departs from the approved model's training data. The cache reads the \
        predictions, features, alerts and model registry topics from their start (every instance \
        everything, no group), answers the pull API and serves the on-call dashboard at / once it \
        has caught up (GET /readyz). `--role all` runs a processor and a cache in one process.
        """
    )

    enum Role: String, ExpressibleByArgument, CaseIterable {
        case processor, monitor, cache, all
    }

    @OptionGroup var broker: BrokerOptions
    @Option(name: .long, help: "What to run: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).") var role: Role = .processor
    @Option(name: .long, help: "The consumer group (default: leeway-processor, or leeway-monitor for the monitor).")
    var group: String?
    @Option(name: .long, help: "A prefix for every topic name (to run several pipelines on one cluster).") var topicPrefix = ""
    @Option(name: .long, help: "Allowed lateness of a report behind its vessel's newest, seconds.") var lateness: Double = 6 * 3600
    @Option(name: .long, help: "Event-time seconds between a vessel's feature records.") var featuresEvery: Double = 600
    @Option(name: .long, help: "Wall-clock seconds between commits.") var commitInterval: Double = 1
    @Option(name: .long, help: "Forget a vessel after this many event-time days without a report.") var vesselTtlDays: Double = 30
    @Option(name: .long, help: "Raise StaleTelemetry after this many event-time seconds without a report; 0 turns it off.")
    var staleAfter: Double = 6 * 3600
    @Option(name: .long, help: "Most vessels one process holds in memory (100,000 took 643 MB in a processor, 344 MB in a cache). Past it, those heard from least recently are evicted.")
    var maxVessels = 500_000
    @Option(name: .long, help: "Consumer-group session timeout, seconds (keep it short on the dev broker).") var sessionTimeout: Double = 10
    @Option(name: .long, help: "Longest wait for the broker to take an output, seconds: a longer outage stops the processor without committing (restart it; it resumes from the last commit).")
    var deliveryTimeout: Double = 300
    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.") var logLevel: Logger.Level = .info
    @Option(name: .long, help: "Longest graceful shutdown (flush, commit, leave the group) before giving up, seconds.")
    var shutdownTimeout: Double = 60
    @Option(name: [.customLong("http-address"), .customLong("metrics-address")],
            help: "Serve HTTP on host:port: /metrics, /healthz, /readyz, the model routes and, for a cache, the pull API and dashboard; 'off' to disable.")
    var metricsAddress = "127.0.0.1:9464"
    @Option(name: .long, help: "Cache: a prediction older than this many seconds is 'stale'.") var predictionStaleAfter: Double = 900
    @Option(name: .long, help: "Cache: a prediction older than this many seconds is 'expired'.") var predictionExpireAfter: Double = 21_600
    @Option(name: .long, help: "Seconds before the model registry's reader starts again after a failure (approvals otherwise reach the processor as soon as the registry has them).")
    var modelsRefresh: Double = 5
    @Option(name: .long, help: "Seconds one call to a model server (an oip model) may take.") var modelTimeout: Double = 1
    @Option(name: .long, help: "Seconds one poll batch may spend on a model server, retries included, before its type falls back to the physics baseline.")
    var modelDeadline: Double = 2
    @Option(name: .long, help: "Further attempts after a failed call to a model server, within --model-deadline.") var modelRetries = 2
    @Option(name: .long, help: "Calls in flight at once to one model server.") var modelConcurrency = 4
    @Option(name: .long, help: "Seconds a failing batch model of a type is given no answers before ModelServiceDown fires.")
    var modelDownAfter: Double = 30
    @Option(name: .long, help: "Bearer token for approving and rejecting models over HTTP (default: $LEEWAY_API_TOKEN; unset: off).")
    var apiToken: String?
    @Option(name: .long, help: "Cache: relay the alerts to this Alertmanager (e.g. http://alertmanager:9093/api/v2/alerts): each change as read, firing ones again every --alert-resend seconds.")
    var alertWebhook: String?
    @Option(name: .long, help: "Cache: seconds between re-sends of the firing alerts to --alert-webhook (keep it below Alertmanager's resolve_timeout, 5 min by default).")
    var alertResend: Double = 60
    @Option(name: .long, help: "Cache: where this repository's docs are browsable (e.g. https://github.com/OWNER/leeway/blob/main/): the runbook paths of relayed alerts (docs/runbooks/…) become links under it. Unset: sent as paths.")
    var runbookBaseUrl: String?
    @Flag(name: .long, help: "Shut down gracefully when standard input closes (for supervisors and tests that own a pipe to it).")
    var exitOnStdinClose = false

    /// `--metrics-address` as host and port, or nil when off.
    var metricsEndpoint: (host: String, port: Int)? {
        get throws {
            guard metricsAddress != "off" else { return nil }
            guard let colon = metricsAddress.lastIndex(of: ":"), let port = Int(metricsAddress[metricsAddress.index(after: colon)...]),
                  (0...65_535).contains(port), colon != metricsAddress.startIndex else {
                throw ValidationError("--http-address (or its old name --metrics-address) expects host:port or 'off', got '\(metricsAddress)'")
            }
            return (String(metricsAddress[..<colon]), port)
        }
    }

    func validate() throws {
        _ = try metricsEndpoint
        guard staleAfter >= 0 else { throw ValidationError("--stale-after must be 0 (off) or a positive number of seconds") }
        for (option, value) in [("--alert-webhook", alertWebhook), ("--runbook-base-url", runbookBaseUrl)] {
            if let value, URL(string: value)?.scheme.map({ ["http", "https"].contains($0) }) != true {
                throw ValidationError("\(option) must be an http(s) URL, got '\(value)'")
            }
        }
        if runbookBaseUrl != nil, alertWebhook == nil {
            throw ValidationError("--runbook-base-url applies to the alerts a cache relays to --alert-webhook; give both")
        }
        if alertWebhook != nil, ![.cache, .all].contains(role) {
            throw ValidationError("--alert-webhook is relayed by a cache, which holds every alert and re-sends the firing ones as Alertmanager expects: "
                                  + "give it to a --role cache (or all) instance; --role \(role.rawValue) writes its alerts to the alerts topic")
        }
        for (name, value) in [("--lateness", lateness), ("--features-every", featuresEvery), ("--commit-interval", commitInterval),
                              ("--vessel-ttl-days", vesselTtlDays), ("--session-timeout", sessionTimeout),
                              ("--delivery-timeout", deliveryTimeout),
                              ("--shutdown-timeout", shutdownTimeout), ("--alert-resend", alertResend), ("--models-refresh", modelsRefresh),
                              ("--model-timeout", modelTimeout), ("--model-deadline", modelDeadline),
                              ("--prediction-stale-after", predictionStaleAfter), ("--prediction-expire-after", predictionExpireAfter)] where !(value > 0) {
            throw ValidationError("\(name) must be a positive number of seconds (days for the TTL), got \(value)")
        }
        guard modelRetries >= 0, modelConcurrency > 0 else {
            throw ValidationError("--model-retries must be 0 or more and --model-concurrency at least 1, got \(modelRetries) and \(modelConcurrency)")
        }
        guard modelDownAfter >= 0 else { throw ValidationError("--model-down-after must be 0 or more seconds, got \(modelDownAfter)") }
        guard maxVessels > 0 else { throw ValidationError("--max-vessels must be a positive number, got \(maxVessels)") }
        guard predictionStaleAfter <= predictionExpireAfter else {
            throw ValidationError("--prediction-stale-after (\(predictionStaleAfter)) must not exceed --prediction-expire-after (\(predictionExpireAfter))")
        }
        if [.cache, .all].contains(role), try metricsEndpoint == nil {
            throw ValidationError("--role \(role.rawValue) serves the pull API over HTTP: give --http-address host:port, not 'off'")
        }
    }

    func run() async throws {
        let level = logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets.merge(Processor.histogramBuckets) { _, new in new }
        MetricsSystem.bootstrap(factory)
        var configuration = ProcessorConfiguration(bootstrapServers: broker.servers)
        configuration.client.clientID = "leeway-\(role.rawValue)"
        configuration.client.properties = try broker.properties()
        configuration.groupID = group ?? (role == .monitor ? "leeway-monitor" : "leeway-processor")
        configuration.topics = TopicNames(prefix: topicPrefix)
        configuration.policy.allowedLateness = .seconds(lateness)
        configuration.featuresEvery = .seconds(featuresEvery)
        configuration.commitInterval = .seconds(commitInterval)
        configuration.vesselTTL = .seconds(vesselTtlDays * 86_400)
        configuration.staleAfter = staleAfter > 0 ? .seconds(staleAfter) : nil
        configuration.sessionTimeout = .seconds(sessionTimeout)
        configuration.deliveryTimeout = .seconds(deliveryTimeout)
        configuration.maxVessels = maxVessels
        let logger = Logger(label: "leeway.\(role.rawValue)")
        let models = ServingModels()
        let modelRegistry = ModelRegistry(client: configuration.client, topic: configuration.topics.models, logger: logger)
        var remote = RemoteModelSettings()
        remote.timeout = .seconds(modelTimeout)
        remote.deadline = .seconds(modelDeadline)
        remote.retries = modelRetries
        remote.concurrency = modelConcurrency
        let follower = RegistryFollower(registry: modelRegistry, retryDelay: .seconds(modelsRefresh), logger: logger)
        let watch = RegistryWatch(registry: modelRegistry, follower: follower, models: models, interval: .seconds(modelsRefresh),
                                  remote: remote, logger: logger)
        let apiToken = apiToken ?? ProcessInfo.processInfo.environment["LEEWAY_API_TOKEN"]
        var workers: [any Service] = []
        var cache: CacheFeed.Stores?
        let health = ProcessorHealth(modelCalls: ModelCallLog(downAfter: .seconds(modelDownAfter), logger: logger))
        if [.processor, .all].contains(role) {
            workers.append(Processor(configuration: configuration, models: models, health: health, logger: logger))
        }
        if role == .monitor {
            workers.append(DriftMonitor(configuration: configuration, groupID: configuration.groupID, models: models, logger: logger))
        }
        if [.cache, .all].contains(role) {
            let stores = CacheFeed.Stores(fleet: FleetCache(maxVessels: maxVessels), models: RegistryView(logger: logger))
            cache = stores
            workers.append(CacheFeed(client: configuration.client, topics: configuration.topics, stores: stores, logger: logger))
            if let url = alertWebhook.flatMap(URL.init(string:)) {
                workers.append(AlertRelay(board: stores.alerts, progress: stores.progress, url: url, resendInterval: .seconds(alertResend),
                                          runbookBase: runbookBaseUrl.flatMap(URL.init(string:)), logger: logger))
            }
        }
        // Shutdown runs in reverse: the workers stop first (the cache ends its alert streams),
        // and HTTP answers until the end.
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
        if let endpoint = try metricsEndpoint {
            let routes = cache.map { stores in
                ModelRoutes(registry: modelRegistry, token: apiToken) {
                    guard stores.progress.isReady else { throw Problem(.serviceUnavailable, "the cache is still reading the model registry") }
                    return stores.models.records
                }
            } ?? ModelRoutes(registry: modelRegistry, token: apiToken) {
                follower.isCaughtUp ? follower.records : try await modelRegistry.records()
            }
            let api = cache.map {
                CacheRoutes(stores: $0, freshness: .init(staleAfter: predictionStaleAfter, expiredAfter: predictionExpireAfter))
            }
            services.append(.init(service: OperationsEndpoint(registry: registry, models: routes, cache: api,
                                                              health: { health.problem }, degraded: { health.modelCalls.degraded },
                                                              host: endpoint.host,
                                                              port: endpoint.port, logger: logger) { port in
                logger.info("serving HTTP", metadata: ["address": "\(endpoint.host):\(port)",
                                                       "routes": "\(api == nil ? "/metrics /healthz /readyz /v1/models" : "pull API, dashboard at /")"])
            }))
        }
        if role != .cache { services += [.init(service: follower), .init(service: watch)] }
        for worker in workers { services.append(.init(service: worker)) }
        var groupConfiguration = ServiceGroupConfiguration(services: services,
                                                           gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        groupConfiguration.maximumGracefulShutdownDuration = .seconds(shutdownTimeout)
        let lifecycle = ServiceGroup(configuration: groupConfiguration)
        if exitOnStdinClose { StandardInputWatch.start(logger: logger) }
        // Serve approved models from the first report on, not after the first refresh.
        if role != .cache { do { try await watch.refresh() } catch {
            logger.warning("model registry unreadable at start; serving physics baselines until it is",
                           metadata: ["topic": "\(configuration.topics.models)", "error": "\(error)"])
        } }
        logger.info("starting", metadata: ["role": "\(role.rawValue)", "brokers": "\(broker.servers.joined(separator: ","))",
                                           "input": "\(configuration.topics.telemetry)", "group": "\(configuration.groupID)"])
        try await lifecycle.run()
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
