/// The input rows a poll batch gathers for each type served by a batch model, in the order
/// its reports were applied; one ``FeatureBatch`` per type, reused batch after batch.
public struct PendingRows: Sendable {
    private var batches: [FeatureBatch?] = Array(repeating: nil, count: VesselType.allCases.count)

    /// No rows.
    public init() {}

    /// Appends the row of `report` for `type` and returns its index in the type's batch.
    mutating func append(_ type: VesselType, _ layout: InputLayout, _ report: Telemetry, state: borrowing VesselState) -> Int {
        if batches[type.ordinal]?.width != layout.inputs.count {
            batches[type.ordinal] = FeatureBatch(width: layout.inputs.count, capacity: 64)
        }
        let row = batches[type.ordinal]!.count
        batches[type.ordinal]!.append(layout, report, state: state)
        return row
    }

    /// The types with rows, and their batches.
    public var waiting: [(type: VesselType, batch: FeatureBatch)] {
        VesselType.allCases.compactMap { type in batches[type.ordinal].flatMap { $0.count > 0 ? (type, $0) : nil } }
    }

    /// Whether no type has rows.
    public var isEmpty: Bool { batches.allSatisfy { ($0?.count ?? 0) == 0 } }

    /// Removes every row, keeping the storage.
    public mutating func removeAll() {
        for index in batches.indices { batches[index]?.removeAll() }
    }
}
