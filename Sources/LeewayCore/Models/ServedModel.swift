/// How a vessel type's model answers: in process one report at a time (the physics baseline,
/// `linear-physics`), or in batches (ONNX, a model server). A batched type keeps its
/// baseline, which answers in its place, flagged, while the batch model cannot.
public enum ServedModel: Sendable {
    /// One report at a time.
    case inline(any PredictionModel)
    /// Once per poll batch for all reports of the type.
    case batched(any BatchModel, baseline: PhysicsBaseline)

    /// The model's identity.
    public var identity: ModelIdentity {
        switch self {
        case .inline(let model): model.identity
        case .batched(let model, _): model.identity
        }
    }

    /// The model itself, for its residual scale.
    public var fleetModel: any FleetModel {
        switch self {
        case .inline(let model): model
        case .batched(let model, _): model
        }
    }
}
