import LeewayCore
import LeewayModels

extension ModelArtifact {
    /// How this approved artifact serves: `linear-physics` in process, `onnx` through ONNX
    /// Runtime in batches. Throws when a check failed, the artifact is altered or its graph
    /// breaks the model contract.
    public func approvedServedModel() throws(ArtifactError) -> ServedModel {
        try requirePassedChecks()
        return try servedModel()
    }

    /// How this artifact serves, whatever its checks say (for the checks themselves).
    public func servedModel() throws(ArtifactError) -> ServedModel {
        switch kind {
        case Self.onnxKind:
            return .batched(try onnxModel(), baseline: PhysicsBaseline(type: vesselType))
        default:
            return .inline(try servingModel())
        }
    }

    /// The `onnx` model this artifact carries, loaded.
    public func onnxModel() throws(ArtifactError) -> ONNXModel {
        try validate()
        guard let modelFile else { throw .modelFile("an onnx artifact carries its graph in model_file") }
        do {
            return try ONNXModel(identity: ModelIdentity(name: name, version: version, kind: kind), graph: try modelFile.bytes(),
                                 layout: try declaredLayout(), targets: try predictedTargets(), scale: residualScale)
        } catch let error as ONNXError {
            throw .modelFile(error.description)
        } catch let error as ArtifactError {
            throw error
        } catch {
            throw .modelFile("\(error)")
        }
    }
}
