/// The inputs one model reads, in its declared order: builds the model's input vector from
/// a report and the vessel's state. Missing values are NaN; the model decides their default.
public struct InputLayout: Sendable, Equatable {
    /// The inputs, in vector order.
    public let inputs: [ModelInput]

    /// A layout of `inputs`.
    public init(_ inputs: [ModelInput]) { self.inputs = inputs }

    /// Writes the vector for `report` into `vector` (resized to the layout's width).
    @inline(__always)
    public func fill(_ vector: inout [Double], _ report: Telemetry, state: borrowing VesselState) {
        if vector.count != inputs.count { vector = [Double](repeating: .nan, count: inputs.count) }
        for index in inputs.indices { vector[index] = inputs[index].value(report, state: state) ?? .nan }
    }

    /// The vector for `report`.
    public func vector(_ report: Telemetry, state: borrowing VesselState) -> [Double] {
        var vector: [Double] = []
        fill(&vector, report, state: state)
        return vector
    }

    /// The position of `input`, if the layout has it.
    public func index(of input: ModelInput) -> Int? { inputs.firstIndex(of: input) }
}
