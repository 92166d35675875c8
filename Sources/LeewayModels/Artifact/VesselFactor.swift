/// One ship's calibration in an artifact (``LeewayCore/VesselCalibration``).
public struct VesselFactor: Codable, Sendable, Equatable {
    /// The vessel id.
    public var vesselId: String
    /// Factor on the hull's power.
    public var hullFactor: Double
    /// Factor on fuel above the hotel load.
    public var fuelFactor: Double
    /// Training reports it was learnt from.
    public var records: Int

    /// A factor.
    public init(vesselId: String, hullFactor: Double, fuelFactor: Double, records: Int) {
        self.vesselId = vesselId
        self.hullFactor = hullFactor
        self.fuelFactor = fuelFactor
        self.records = records
    }
}
