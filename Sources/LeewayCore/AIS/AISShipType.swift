extension VesselType {
    /// Leeway's class for an AIS ship-and-cargo type code. AIS "cargo" (70–79) does not
    /// tell container ships from bulk carriers; it maps to `bulk`.
    public init(aisShipType code: Int?) {
        switch code {
        case 30?: self = .fishing
        case 31?, 32?, 52?: self = .tug
        case 33?: self = .dredger
        case (60...69)?: self = .passenger
        case (70...79)?: self = .bulk
        case (80...89)?: self = .tanker
        default: self = .other
        }
    }
}
