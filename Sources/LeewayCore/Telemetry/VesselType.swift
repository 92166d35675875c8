/// The kinds of vessel Leeway models separately; telemetry's `vessel_type`.
public enum VesselType: String, Sendable, CaseIterable, Codable {
    case tanker, container, bulk, cruise, passenger, dredger, tug, fishing, other

    /// Parses the exact lowercase name from UTF-8 bytes.
    init?(bytes: UnsafeRawBufferPointer) {
        func equals(_ name: StaticString) -> Bool {
            name.utf8CodeUnitCount == bytes.count && (0..<bytes.count).allSatisfy { bytes[$0] == name.utf8Start[$0] }
        }
        switch bytes.first {
        case 0x74?: if equals("tanker") { self = .tanker } else if equals("tug") { self = .tug } else { return nil }
        case 0x63?: if equals("container") { self = .container } else if equals("cruise") { self = .cruise } else { return nil }
        case 0x62?: if equals("bulk") { self = .bulk } else { return nil }
        case 0x70?: if equals("passenger") { self = .passenger } else { return nil }
        case 0x64?: if equals("dredger") { self = .dredger } else { return nil }
        case 0x66?: if equals("fishing") { self = .fishing } else { return nil }
        case 0x6F?: if equals("other") { self = .other } else { return nil }
        default: return nil
        }
    }
}
