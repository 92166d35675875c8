import LeewayCore
import LeewayTopics
import LeewayModels
import Logging
import Synchronization

/// The model registry as the cache last read it, with the model each type serves (its
/// approved version, else the physics baseline) for what-if curves.
public final class RegistryView: Sendable {
    private let state = Mutex<(records: [VesselType: RegistryRecord], catalog: ModelCatalog, elsewhere: [VesselType: ModelIdentity])>(
        ([:], ModelCatalog(), [:]))
    private let logger: Logger

    /// An empty view: every type on its baseline.
    public init(logger: Logger = Logger(label: "leeway.cache")) {
        self.logger = logger
    }

    /// Every type's registry record.
    public var records: [VesselType: RegistryRecord] { state.withLock { $0.records } }

    /// The model `type` serves.
    public func model(for type: VesselType) -> any PredictionModel {
        state.withLock { $0.catalog.model(for: type) }
    }

    /// The approved model of `type` when it is of a kind only a processor runs (`onnx`):
    /// the cache draws no curves from it.
    public func servedElsewhere(_ type: VesselType) -> ModelIdentity? {
        state.withLock { $0.elsewhere[type] }
    }

    /// Applies one registry record; a record that does not decode is logged and skipped,
    /// an approved version that cannot serve leaves the type on its previous model.
    func apply(key: [UInt8]?, value: [UInt8]?) {
        let name = key.map { String(decoding: $0, as: UTF8.self) } ?? ""
        guard let value else {
            if let type = VesselType(rawValue: name) {
                state.withLock { state in
                    state.records[type] = nil
                    state.catalog.serve(nil, for: type)
                    state.elsewhere[type] = nil
                }
            }
            return
        }
        let record: RegistryRecord
        do { record = try ModelRegistry.record(key: name, value: value) } catch {
            logger.warning("unreadable registry record; skipped", metadata: ["key": "\(name)", "error": "\(error)"])
            return
        }
        var model: (any PredictionModel)?
        var usable = true
        var elsewhere: ModelIdentity?
        if let artifact = record.serving, artifact.kind != ModelArtifact.linearPhysicsKind, ModelArtifact.kinds.contains(artifact.kind) {
            elsewhere = ModelIdentity(name: artifact.name, version: artifact.version, kind: artifact.kind)
        } else if let artifact = record.serving {
            do { model = try artifact.approvedModel() } catch {
                usable = false
                logger.error("approved model cannot be served; the type keeps its previous model",
                             metadata: ["type": "\(record.vesselType.rawValue)", "version": "\(artifact.version)", "error": "\(error)"])
            }
        }
        state.withLock { state in
            state.records[record.vesselType] = record
            if usable {
                state.catalog.serve(model, for: record.vesselType)
                state.elsewhere[record.vesselType] = elsewhere
            }
        }
    }
}
