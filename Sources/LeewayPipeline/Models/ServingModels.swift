import LeewayCore
import Synchronization

/// The models a processor serves, swappable while it runs: the registry watch replaces
/// them, the processing loop picks up a new set between batches (cheap generation check).
public final class ServingModels: Sendable {
    private let current: Mutex<(generation: Int, catalog: ModelCatalog, versions: [VesselType: ModelIdentity],
                                references: [VesselType: DriftReferences])>
    private let generationNumber = Atomic<Int>(0)

    /// Serving `catalog` (the physics baselines by default).
    public init(_ catalog: ModelCatalog = ModelCatalog()) {
        current = Mutex((0, catalog, [:], [:]))
    }

    /// Changes on every replacement.
    public var generation: Int { generationNumber.load(ordering: .acquiring) }

    /// The serving models at one moment.
    public struct Snapshot: Sendable {
        /// Changes on every replacement.
        public var generation: Int
        /// The model per type.
        public var catalog: ModelCatalog
        /// The trained models' training distributions, by type, for data-drift tests.
        public var references: [VesselType: DriftReferences]
    }

    /// Catalog, references and generation, read together.
    public var snapshot: Snapshot {
        current.withLock { Snapshot(generation: $0.generation, catalog: $0.catalog, references: $0.references) }
    }

    /// The trained models serving now, by type (types on their baseline are absent).
    public var trained: [VesselType: ModelIdentity] { current.withLock { $0.versions } }

    /// Serves `models` (approved trained models by type; other types get their baseline)
    /// with their drift `references`.
    public func replace(with models: [VesselType: any PredictionModel], references: [VesselType: DriftReferences] = [:]) {
        replace(served: models.mapValues { .inline($0) }, references: references)
    }

    /// Serves `models` of any kind (other types get their baseline) with their drift `references`.
    public func replace(served models: [VesselType: ServedModel], references: [VesselType: DriftReferences] = [:]) {
        var catalog = ModelCatalog()
        for (type, model) in models {
            switch model {
            case .inline(let inline): catalog.serve(inline, for: type)
            case .batched(let batched, _): catalog.serve(batched: batched, for: type)
            }
        }
        current.withLock { current in
            current = (current.generation + 1, catalog, models.mapValues(\.identity), references)
            generationNumber.store(current.generation, ordering: .releasing)
        }
    }
}
