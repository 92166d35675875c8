/// The kinds of vessel Leeway models separately; telemetry's `vessel_type`.
public enum VesselType: String, Sendable, CaseIterable, Codable {
    case tanker, container, bulk, cruise, passenger, dredger, tug, fishing, other

    /// Parses the exact lowercase name from UTF-8 bytes.
    init?(bytes: UnsafeRawBufferPointer) {
        for type in Self.allCases where type.rawValue.utf8.count == bytes.count && bytes.elementsEqual(type.rawValue.utf8) {
            self = type
            return
        }
        return nil
    }
}
