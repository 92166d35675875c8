/// A model that reads each report's feature-catalogue vector (its ``layout``) and answers
/// many reports in one call: an ONNX graph run in process, a model server over the network.
/// The processor asks it once per poll batch for all reports of its type. For the same rows
/// and model version it must give the same values, whatever else is in the batch.
public protocol BatchModel: FleetModel {
    /// The catalogue inputs it reads, in vector order.
    var layout: InputLayout { get }
    /// The targets for each row of `batch`, in row order. A target the model answered with a
    /// non-finite number is left out of that row.
    func predict(_ batch: FeatureBatch) async throws(ModelCallError) -> [TargetValues]
}

/// Why a batch model gave no answer: its runtime failed, the service was unreachable, slow
/// or answered something that breaks the model contract.
public struct ModelCallError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, for logs and `/healthz`.
    public var reason: String

    /// An error saying `reason`.
    public init(_ reason: String) { self.reason = reason }

    public var description: String { reason }
}
