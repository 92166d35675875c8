import LeewayCore
import LeewayInference
import LeewayTopics
import LeewayModels
import Logging
import Metrics
import ServiceLifecycle
import Synchronization

/// Follows the model registry and keeps ``ServingModels`` on each type's approved version:
/// an approval, rejection or rollback reaches running processors as soon as the registry has
/// it, without a restart. One long-lived reader follows the topic (``RegistryFollower``);
/// without one, the registry is read every `interval`. A registry that cannot be read
/// leaves the serving models as they are.
public final class RegistryWatch: Service {
    private let registry: ModelRegistry
    private let follower: RegistryFollower?
    private let models: ServingModels
    private let interval: Duration
    private let remote: RemoteModelSettings
    private let logger: Logger
    /// Approved versions already refused (type, version, hash): logged once, not every refresh.
    private let refused = Mutex<Set<String>>([])
    /// The served model last made of each type's artifacts, by version and content hash.
    private let loaded = Mutex<[VesselType: (key: String, model: ServedModel)]>([:])

    /// Watches `registry` through `follower` (or, without one, every `interval`), serving into
    /// `models`; `oip` models are called with `remote`. Run the follower beside it.
    public init(registry: ModelRegistry, follower: RegistryFollower? = nil, models: ServingModels, interval: Duration = .seconds(5),
                remote: RemoteModelSettings = RemoteModelSettings(), logger: Logger = Logger(label: "leeway.models")) {
        self.registry = registry
        self.follower = follower
        self.models = models
        self.interval = interval
        self.remote = remote
        self.logger = logger
    }

    /// Refreshes until graceful shutdown.
    public func run() async throws {
        if let follower {
            await cancelWhenGracefulShutdown {
                for await _ in follower.changes() { self.serve(follower.records) }
            }
            return
        }
        var failing = false
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await refresh()
                if failing { logger.notice("model registry readable again") }
                failing = false
            } catch {
                if !failing {
                    logger.warning("cannot read the model registry; serving models unchanged",
                                   metadata: ["topic": "\(registry.topic)", "error": "\(error)"])
                }
                failing = true
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: self.interval) }
        }
    }

    /// Reads the registry once and serves what it approves.
    public func refresh() async throws {
        serve(try await registry.records(timeout: .seconds(10)))
    }

    /// Serves what `records` approve.
    private func serve(_ records: [VesselType: RegistryRecord]) {
        var approved: [VesselType: ServedModel] = [:]
        var references: [VesselType: DriftReferences] = [:]
        for (type, record) in records {
            guard let artifact = record.serving else { continue }
            do {
                approved[type] = try served(artifact, type: type)
                references[type] = artifact.driftReferences
            } catch {
                let key = "\(type.rawValue) \(artifact.version) \(artifact.contentHash)"
                if refused.withLock({ $0.insert(key).inserted }) {
                    logger.error("approved model cannot be served; the type keeps its previous model",
                                 metadata: ["type": "\(type.rawValue)", "version": "\(artifact.version)", "error": "\(error)"])
                }
                if let previous = models.trained[type], let kept = records[type]?.artifact(previous.version),
                   let model = try? served(kept, type: type) {
                    approved[type] = model
                    references[type] = kept.driftReferences
                }
            }
        }
        let identities = approved.mapValues(\.identity)
        guard identities != models.trained else { return }
        for type in VesselType.allCases where identities[type] != models.trained[type] {
            let version = identities[type]?.version ?? 0
            logger.notice("serving a new model", metadata: [
                "type": "\(type.rawValue)", "model": "\(identities[type]?.name ?? "\(type.rawValue)-physics-baseline")",
                "version": "\(version)",
            ])
            Gauge(label: "leeway_model_version", dimensions: [("vessel_type", type.rawValue)]).record(version)
        }
        models.replace(served: approved, references: references)
    }

    /// The served model of approved `artifact`: the one serving already when it is the same
    /// version and content (an ONNX graph is loaded once, not at every refresh).
    private func served(_ artifact: ModelArtifact, type: VesselType) throws(ArtifactError) -> ServedModel {
        let key = "\(artifact.version) \(artifact.contentHash)"
        if let loaded = loaded.withLock({ $0[type] }), loaded.key == key { return loaded.model }
        let model = try artifact.approvedServedModel(remote: remote)
        loaded.withLock { $0[type] = (key, model) }
        return model
    }
}
