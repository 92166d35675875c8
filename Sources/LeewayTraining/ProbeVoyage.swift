import LeewayCore

/// A question the physics checks put to a model: a ship of the type steaming steadily at
/// `speed` knots and `draft` metres, `days` after its hull was cleaned, in calm water.
public struct ProbePoint: Hashable, Sendable {
    /// Speed through water, knots.
    public var speed: Double
    /// Draught, metres.
    public var draft: Double
    /// Days since hull cleaning.
    public var days: Double

    /// A point.
    public init(speed: Double, draft: Double, days: Double = 0) {
        self.speed = speed
        self.draft = draft
        self.days = days
    }
}

/// How a probe reaches any model: a day of steady five-minute reports at the point, fed
/// through the processor's feature updater, so that every catalogue input (EWMAs, windows,
/// regime) reads as it would for a real ship there. The model answers the last report, from
/// the report and the vessel's state, exactly as in service. Reports carry no fuel or
/// power: a model's inputs never include the measured targets.
public struct ProbeVoyage: Sendable {
    /// The last report.
    public var report: Telemetry
    /// The vessel's state after it.
    public var state: VesselState

    /// Reports per probe: 24 h at 5 min.
    public static let reports = 288
    /// The probe vessel's id: no ship calibrated in training has it.
    public static let vesselID = "leeway-probe"

    /// The voyage to `point` of a ship of `type`.
    public init(_ point: ProbePoint, type: VesselType) {
        var state = VesselState(vesselID: Self.vesselID, vesselType: type)
        let policy = FeaturePolicy()
        var report = Telemetry(vesselID: Self.vesselID, vesselType: type, eventTime: EventTime(seconds: 0))
        for index in 0..<Self.reports {
            let remaining = Double(Self.reports - 1 - index) * 300
            report = Telemetry(vesselID: Self.vesselID, vesselType: type, eventTime: EventTime(seconds: 1_780_000_000 + Int64(index) * 300))
            report[.speedThroughWater] = point.speed
            report[.speedOverGround] = point.speed
            report[.draft] = point.draft
            report[.daysSinceHullCleaning] = max(0, point.days - remaining / 86_400)
            _ = state.admit(report, offset: Int64(index), policy: policy)
        }
        self.report = report
        self.state = state
    }
}
