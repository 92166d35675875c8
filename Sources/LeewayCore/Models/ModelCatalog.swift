/// The model serving each vessel type: an approved trained model where one exists, else
/// the type's ``PhysicsBaseline``. Looked up per report, so it is a plain array by type.
public struct ModelCatalog: Sendable {
    private var serving: [ServedModel]

    /// Only baselines.
    public init() {
        serving = VesselType.allCases.map { .inline(PhysicsBaseline(type: $0)) }
    }

    /// How `type` is served.
    @inline(__always)
    public func served(for type: VesselType) -> ServedModel {
        serving[type.ordinal]
    }

    /// The in-process model for `type`: its own when it answers one report at a time, else
    /// its baseline (for a batch model, ask ``served(for:)``).
    @inline(__always)
    public func model(for type: VesselType) -> any PredictionModel {
        switch serving[type.ordinal] {
        case .inline(let model): model
        case .batched(_, let baseline): baseline
        }
    }

    /// Serves `model` for `type` from now on; nil falls back to the baseline.
    public mutating func serve(_ model: (any PredictionModel)?, for type: VesselType) {
        serving[type.ordinal] = .inline(model ?? PhysicsBaseline(type: type))
    }

    /// Serves the batch model `model` for `type` from now on.
    public mutating func serve(batched model: any BatchModel, for type: VesselType) {
        serving[type.ordinal] = .batched(model, baseline: PhysicsBaseline(type: type))
    }
}

extension VesselType {
    /// The position in `allCases`, without a search.
    var ordinal: Int {
        switch self {
        case .tanker: 0
        case .container: 1
        case .bulk: 2
        case .cruise: 3
        case .passenger: 4
        case .dredger: 5
        case .tug: 6
        case .fishing: 7
        case .other: 8
        }
    }
}
