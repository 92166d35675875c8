/// Rows of model inputs, float32, row-major: the tensor `features` of shape [count, width]
/// that batch models receive. Missing inputs are NaN.
public struct FeatureBatch: Sendable, Equatable {
    /// Inputs per row.
    public let width: Int
    /// `count × width` values, row after row.
    public private(set) var values: [Float]

    /// An empty batch of rows `width` wide, with room for `capacity` rows.
    public init(width: Int, capacity: Int = 0) {
        self.width = width
        values = []
        values.reserveCapacity(capacity * width)
    }

    /// The number of rows.
    public var count: Int { width == 0 ? 0 : values.count / width }

    /// Appends the row `layout` makes of `report` and the vessel's state after applying it.
    public mutating func append(_ layout: InputLayout, _ report: Telemetry, state: borrowing VesselState) {
        for input in layout.inputs { values.append(Float(input.value(report, state: state) ?? .nan)) }
    }

    /// Appends `row` (exactly `width` values).
    public mutating func append(_ row: [Double]) {
        precondition(row.count == width, "a row of \(width) values")
        for value in row { values.append(Float(value)) }
    }

    /// Row `index`'s values.
    public func row(_ index: Int) -> ArraySlice<Float> { values[index * width ..< (index + 1) * width] }

    /// Removes every row, keeping the storage.
    public mutating func removeAll() { values.removeAll(keepingCapacity: true) }
}
