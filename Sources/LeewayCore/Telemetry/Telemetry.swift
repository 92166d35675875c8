/// One accepted telemetry report (contract v1): who, what kind, when, and what was measured.
/// Fixed-size: the measurements live inline, absent ones are flagged, nothing is boxed.
public struct Telemetry: Sendable, Equatable {
    /// The vessel's id: 1–64 of `[A-Za-z0-9._:-]`.
    public var vesselID: String
    /// The vessel's kind.
    public var vesselType: VesselType
    /// Event time at the vessel.
    public var eventTime: EventTime
    /// Maintenance reported with this record.
    public var event: MaintenanceEvent?
    private var values: InlineArray<14, Double>
    private var present: UInt16

    /// A record with no measurements.
    public init(vesselID: String, vesselType: VesselType, eventTime: EventTime, event: MaintenanceEvent? = nil) {
        self.vesselID = vesselID
        self.vesselType = vesselType
        self.eventTime = eventTime
        self.event = event
        self.values = InlineArray(repeating: 0)
        self.present = 0
    }

    /// A measurement, or nil when the record did not carry it.
    public subscript(field: TelemetryField) -> Double? {
        get { present & (1 << field.rawValue) != 0 ? values[field.rawValue] : nil }
        set {
            if let newValue {
                values[field.rawValue] = newValue
                present |= 1 << field.rawValue
            } else {
                present &= ~(1 << field.rawValue)
            }
        }
    }

    public static func == (a: Self, b: Self) -> Bool {
        guard a.vesselID == b.vesselID, a.vesselType == b.vesselType, a.eventTime == b.eventTime,
              a.event == b.event, a.present == b.present else { return false }
        return TelemetryField.ordered.allSatisfy { a[$0] == b[$0] }
    }
}

extension Telemetry {
    /// Sets a measurement when it lies in the field's range; leaves it absent otherwise
    /// (outside sources such as AIS allow values telemetry v1 does not).
    mutating func setIfInRange(_ field: TelemetryField, _ value: Double?) {
        guard let value, field.range.contains(value) else { return }
        self[field] = value
    }
}
