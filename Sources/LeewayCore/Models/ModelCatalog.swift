/// The model serving each vessel type: an approved trained model where one exists, else
/// the type's ``PhysicsBaseline``.
public struct ModelCatalog: Sendable {
    private var approved: [VesselType: any PredictionModel] = [:]
    private let baselines: [VesselType: PhysicsBaseline]

    /// Only baselines.
    public init() {
        baselines = Dictionary(uniqueKeysWithValues: VesselType.allCases.map { ($0, PhysicsBaseline(type: $0)) })
    }

    /// The model for `type`.
    public func model(for type: VesselType) -> any PredictionModel {
        approved[type] ?? baselines[type]!
    }

    /// Serves `model` for `type` from now on; nil falls back to the baseline.
    public mutating func serve(_ model: (any PredictionModel)?, for type: VesselType) {
        approved[type] = model
    }
}
