import LeewayCore

/// A fault injected into one vessel's telemetry from a moment on, so drift detection has
/// something real to find.
public struct SensorDrift: Sendable, Equatable {
    /// What goes wrong.
    public enum Kind: Sendable, Equatable {
        /// The fuel flow reads `percent` % more than the engine burns (a biased meter, or wear).
        case fuel(percent: Double)
        /// The speed log reads `knots` more than the speed through water.
        case speedLog(knots: Double)
        /// The sensor keeps repeating its last value.
        case stuck(TelemetryField)
    }

    /// The fault.
    public var kind: Kind
    /// The vessel it hits.
    public var vesselID: String
    /// From when (event time).
    public var from: EventTime
    /// Until when (exclusive); nil for good.
    public var until: EventTime?

    /// Creates a fault.
    public init(_ kind: Kind, vesselID: String, from: EventTime, until: EventTime? = nil) {
        self.kind = kind
        self.vesselID = vesselID
        self.from = from
        self.until = until
    }

    /// Whether the fault is active at `time`.
    public func isActive(at time: EventTime) -> Bool { time >= from && until.map { time < $0 } ?? true }

    /// Parses `fuel:ID:+8%@TIME`, `speedlog:ID:+0.5@TIME` or `stuck:ID:shaft_power_kw@TIME`,
    /// each optionally ending `/UNTIL` (a repaired meter, say).
    public init?(_ text: String) {
        let at = text.split(separator: "@", maxSplits: 1)
        guard at.count == 2 else { return nil }
        let window = at[1].split(separator: "/", maxSplits: 1).map(String.init)
        guard let from = EventTime(rfc3339: window[0]) else { return nil }
        var until: EventTime?
        if window.count == 2 {
            guard let end = EventTime(rfc3339: window[1]), end > from else { return nil }
            until = end
        }
        let parts = at[0].split(separator: ":", maxSplits: 1)
        guard parts.count == 2, let lastColon = parts[1].lastIndex(of: ":") else { return nil }
        let vessel = String(parts[1][..<lastColon])
        let amount = parts[1][parts[1].index(after: lastColon)...]
        switch parts[0] {
        case "fuel":
            guard amount.hasSuffix("%"), let percent = Double(amount.dropLast()) else { return nil }
            self.init(.fuel(percent: percent), vesselID: vessel, from: from, until: until)
        case "speedlog":
            guard let knots = Double(amount) else { return nil }
            self.init(.speedLog(knots: knots), vesselID: vessel, from: from, until: until)
        case "stuck":
            guard let field = TelemetryField.allCases.first(where: { $0.jsonName == amount }) else { return nil }
            self.init(.stuck(field), vesselID: vessel, from: from, until: until)
        default:
            return nil
        }
    }
}
