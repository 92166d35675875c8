/// The model serving each vessel type: an approved trained model where one exists, else
/// the type's ``PhysicsBaseline``. Looked up per report, so it is a plain array by type.
public struct ModelCatalog: Sendable {
    private var serving: [any PredictionModel]

    /// Only baselines.
    public init() {
        serving = VesselType.allCases.map { PhysicsBaseline(type: $0) }
    }

    /// The model for `type`.
    @inline(__always)
    public func model(for type: VesselType) -> any PredictionModel {
        serving[type.ordinal]
    }

    /// Serves `model` for `type` from now on; nil falls back to the baseline.
    public mutating func serve(_ model: (any PredictionModel)?, for type: VesselType) {
        serving[type.ordinal] = model ?? PhysicsBaseline(type: type)
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
