/// How a vessel's features are kept: how late a report may be, how fast averages forget.
public struct FeaturePolicy: Sendable {
    /// Reports older than the vessel's newest by more than this are late: counted, not applied.
    public var allowedLateness: Duration = .seconds(6 * 3600)
    /// Weight of the newest report in the record-count EWMAs.
    public var ewmaAlpha: Double = 0.1
    /// Half-life of the event-time decayed means.
    public var halfLife: Duration = .seconds(6 * 3600)
    /// Least speed through water, knots, at which a report updates the Admiralty estimate.
    public var minimumSpeedForAdmiralty: Double = 3

    /// The defaults: 6 h lateness, EWMA α 0.1, 6 h half-life.
    public init() {}
}
