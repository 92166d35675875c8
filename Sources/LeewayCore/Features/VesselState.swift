/// Everything Leeway keeps about one vessel: its features, the operating regime, and what it
/// needs to recognise late and repeated reports. Fixed-size (about 2.2 KiB, most of it the
/// ``ResendGuard``); updated in place, one report at a time, in partition order.
public struct VesselState: Sendable {
    /// The vessel's id.
    public var vesselID: String
    /// Its type, as last reported.
    public var vesselType: VesselType
    /// Reports applied.
    public var count: Int64 = 0
    /// Late reports refused.
    public var lateCount: Int64 = 0
    /// Exact resends dropped.
    public var duplicateCount: Int64 = 0
    /// The newest applied event time.
    public var lastEventTime = EventTime(microseconds: 0)
    /// The input offset of the last report accounted for (applied, late or duplicate), -1
    /// before any: a replay after a crash skips what the state already holds.
    public var lastOffset: Int64 = -1
    /// When features were last published, event time.
    public var featuresPublishedAt = EventTime(microseconds: 0)

    /// Per-report EWMAs of speed through water, speed over ground, shaft power, fuel rate.
    public var speedThroughWater = EWMA(), speedOverGround = EWMA(), shaftPower = EWMA(), fuelRate = EWMA()
    /// Event-time decayed means of speed through water, shaft power, fuel rate.
    public var decayedSpeed = DecayedMean(), decayedPower = DecayedMean(), decayedFuel = DecayedMean()
    /// Decayed mean of the Admiralty coefficient Δ^(2/3)·V³/P seen at sea.
    public var admiralty = DecayedMean()
    /// Rolling 1-hour window (4 × 15 min).
    public var lastHour = WindowStatistics<4>(bucketSeconds: 900)
    /// Rolling 24-hour window (8 × 3 h).
    public var lastDay = WindowStatistics<8>(bucketSeconds: 10_800)

    /// Event time of the last hull cleaning or dry dock reported as an event.
    public var hullCleanedAt: EventTime?
    /// Days since hull cleaning as the newest report gave it (or derived from the event).
    public var daysSinceHullCleaning: Double?
    /// Newest draught, metres.
    public var draft: Double?
    /// Loading, speed band, Beaufort force of the newest report.
    public var regime = OperatingRegime()
    /// Event times of recent applied reports.
    public var recent = ResendGuard()
    /// Concept drift of the fuel model for this vessel.
    public var fuelDrift = ResidualWatch()
    /// Frozen sensors (data quality).
    public var sensors = StuckSensor()
    /// Speed log against GPS (data quality).
    public var speedLog = SpeedLogCheck()

    /// A vessel never seen before.
    public init(vesselID: String, vesselType: VesselType) {
        self.vesselID = vesselID
        self.vesselType = vesselType
    }
}
