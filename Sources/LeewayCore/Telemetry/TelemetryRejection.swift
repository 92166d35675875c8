/// Why a telemetry record was refused. The first failing check decides, in this order:
/// size, JSON syntax, `vessel_id`, `vessel_type`, `ts`, the measurements in
/// ``TelemetryField`` order, `event`.
public struct TelemetryRejection: Error, Sendable, Equatable, CustomStringConvertible {
    /// The reason's kind.
    public enum Reason: Sendable, Equatable {
        /// Not a JSON object, not valid JSON, or not valid UTF-8.
        case malformedJSON
        /// Over 64 KiB.
        case tooLarge
        /// A required member is absent or null.
        case missingField(String)
        /// A member has the wrong JSON type, or is NaN/Infinity.
        case badType(String)
        /// A number outside its allowed range, or an `event` outside its allowed names.
        case outOfRange(String)
        /// `vessel_type` is not one of the known kinds.
        case unknownVesselType
        /// `ts` is not an RFC 3339 time.
        case badTimestamp
        /// `vessel_id` has characters or a length telemetry v1 does not allow.
        case badVesselID
    }

    /// The reason.
    public var reason: Reason
    /// Specifics for a human: position, value, limit.
    public var detail: String
    /// The record's vessel type, when the failed check came after it (out-of-range values).
    public var vesselType: VesselType?

    /// Creates a rejection.
    public init(_ reason: Reason, _ detail: String, vesselType: VesselType? = nil) {
        self.reason = reason
        self.detail = detail
        self.vesselType = vesselType
    }

    /// The reason as the dead-letter header carries it, e.g. `out_of_range:sog_kn`.
    public var code: String {
        switch reason {
        case .malformedJSON: "malformed_json"
        case .tooLarge: "too_large"
        case .missingField(let name): "missing_field:\(name)"
        case .badType(let name): "bad_type:\(name)"
        case .outOfRange(let name): "out_of_range:\(name)"
        case .unknownVesselType: "unknown_vessel_type"
        case .badTimestamp: "bad_ts"
        case .badVesselID: "bad_vessel_id"
        }
    }

    public var description: String { "\(code): \(detail)" }
}
