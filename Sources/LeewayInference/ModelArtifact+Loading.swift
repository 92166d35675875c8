import LeewayCore
import LeewayModels

extension ModelArtifact {
    /// How this approved artifact serves: `linear-physics` in process, `onnx` through ONNX
    /// Runtime in batches, `oip` on its model server in batches. Throws when a check failed, the artifact is altered or its graph
    /// breaks the model contract.
    public func approvedServedModel(remote: RemoteModelSettings = RemoteModelSettings()) throws(ArtifactError) -> ServedModel {
        try requirePassedChecks()
        return try servedModel(remote: remote)
    }

    /// How this artifact serves, whatever its checks say (for the checks themselves); an `oip`
    /// model is called with `remote`.
    public func servedModel(remote: RemoteModelSettings = RemoteModelSettings()) throws(ArtifactError) -> ServedModel {
        switch kind {
        case Self.onnxKind:
            return .batched(try onnxModel(), baseline: PhysicsBaseline(type: vesselType))
        case Self.oipKind:
            return .batched(try oipModel(remote: remote), baseline: PhysicsBaseline(type: vesselType))
        default:
            return .inline(try servingModel())
        }
    }

    /// The `oip` model this artifact names, called with `remote`.
    public func oipModel(remote: RemoteModelSettings = RemoteModelSettings()) throws(ArtifactError) -> OIPModel {
        try validate()
        guard let service else { throw .modelService("an oip artifact names its model server in service") }
        return OIPModel(identity: ModelIdentity(name: name, version: version, kind: kind), service: service,
                        layout: try declaredLayout(), targets: try predictedTargets(), scale: residualScale, settings: remote)
    }

    /// The `onnx` model this artifact carries, loaded.
    public func onnxModel() throws(ArtifactError) -> ONNXModel {
        try validate()
        guard let modelFile else { throw .modelFile("an onnx artifact carries its graph in model_file") }
        let graph = try modelFile.bytes(), layout = try declaredLayout(), targets = try predictedTargets()
        do {
            return try ONNXModel(identity: ModelIdentity(name: name, version: version, kind: kind), graph: graph,
                                 layout: layout, targets: targets, scale: residualScale)
        } catch {
            throw .modelFile(error.description)
        }
    }
}
