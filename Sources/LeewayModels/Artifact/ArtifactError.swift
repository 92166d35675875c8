/// Why an artifact cannot be registered or served.
public enum ArtifactError: Error, Equatable, CustomStringConvertible {
    /// Not artifact JSON.
    case malformed(String)
    /// A kind no processor knows how to serve.
    case unknownKind(String)
    /// A feature that is not a ``LeewayCore/PhysicsTerm``.
    case unknownFeature(String)
    /// A target that is not a ``LeewayCore/PredictionTarget``.
    case unknownTarget(String)
    /// A target with a coefficient count different from the feature count.
    case coefficientCount(target: String, expected: Int, found: Int)
    /// NaN or infinity among the numbers.
    case nonFinite(String)
    /// Inputs that are not in the feature catalogue, or not the ones the kind reads.
    case unsupportedInputs(String)
    /// The content does not match its recorded hash.
    case hashMismatch(recorded: String, computed: String)
    /// The artifact records failed physics checks, so it must not serve (whatever its status says).
    case failedChecks([String])
    /// The embedded model file is missing, altered, too large or breaks the model contract.
    case modelFile(String)
    /// The model service of an `oip` model is missing or malformed.
    case modelService(String)

    public var description: String {
        switch self {
        case .malformed(let reason): "malformed model artifact: \(reason)"
        case .unknownKind(let kind): "unknown model kind \"\(kind)\" (served: \(ModelArtifact.kinds.joined(separator: ", ")))"
        case .unknownFeature(let name): "unknown feature \"\(name)\" (known: \(PhysicsTermNames.all))"
        case .unknownTarget(let name): "unknown target \"\(name)\" (known: fuel_rate_tph, shaft_power_kw)"
        case .coefficientCount(let target, let expected, let found):
            "target \(target) has \(found) coefficients for \(expected) features"
        case .unsupportedInputs(let reason): "inputs: \(reason)"
        case .nonFinite(let what): "\(what) is not a finite number"
        case .failedChecks(let names): "the artifact failed its checks (\(names.joined(separator: ", "))) and cannot serve"
        case .modelFile(let reason): "model file: \(reason)"
        case .modelService(let reason): "model service: \(reason)"
        case .hashMismatch(let recorded, let computed):
            "content hash mismatch: recorded \(recorded), content hashes to \(computed) (the artifact was altered)"
        }
    }
}
