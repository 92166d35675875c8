/// A position report: types 1, 2, 3 (class A), 18 and 19 (class B).
public struct AISPosition: Sendable, Equatable {
    /// The transmitter's MMSI.
    public var mmsi: UInt32
    /// The AIS message type.
    public var type: Int
    /// Speed over ground in knots; nil when not available.
    public var speedOverGround: Double?
    /// Course over ground in degrees; nil when not available.
    public var courseOverGround: Double?
    /// True heading in degrees; nil when not available (511).
    public var heading: Double?
    /// Latitude in degrees; nil when not available (91).
    public var latitude: Double?
    /// Longitude in degrees; nil when not available (181).
    public var longitude: Double?
}

/// Static and voyage data: types 5, 19 and 24.
public struct AISStatic: Sendable, Equatable {
    /// The transmitter's MMSI.
    public var mmsi: UInt32
    /// The AIS ship-and-cargo type code (0 = not available).
    public var shipType: Int?
    /// Present static draught in metres (type 5 only).
    public var draught: Double?
    /// The vessel's name.
    public var name: String?

    /// Creates static data.
    public init(mmsi: UInt32, shipType: Int?, draught: Double?, name: String?) {
        self.mmsi = mmsi
        self.shipType = shipType
        self.draught = draught
        self.name = name
    }
}

/// One decoded AIS message.
public enum AISMessage: Sendable, Equatable {
    /// Where a vessel is and how it moves.
    case position(AISPosition)
    /// What a vessel is.
    case staticData(AISStatic)

    /// Why a payload did not decode.
    public enum Failure: Error, Sendable, Equatable {
        /// A message type Leeway does not read (counted, not an error).
        case unsupportedType(Int)
        /// Fewer bits than the type needs.
        case tooShort(type: Int, bits: Int)

        /// The reason as a report key, e.g. `too_short:5`.
        public var code: String {
            switch self {
            case .unsupportedType(let type): "unsupported_type:\(type)"
            case .tooShort(let type, _): "too_short:\(type)"
            }
        }
    }

    /// Decodes a de-armoured payload. Type 19 yields a position and static data.
    public static func decode(_ bits: AISBits) throws(Failure) -> [AISMessage] {
        guard bits.count >= 38 else { throw .tooShort(type: Int(bits.unsigned(0, 6)), bits: bits.count) }
        let type = Int(bits.unsigned(0, 6))
        let mmsi = UInt32(bits.unsigned(8, 30))
        func need(_ n: Int) throws(Failure) { if bits.count < n { throw .tooShort(type: type, bits: bits.count) } }
        switch type {
        case 1, 2, 3:
            try need(137)
            return [.position(position(bits, mmsi: mmsi, type: type, sog: 50, lon: 61, lat: 89, cog: 116, heading: 128))]
        case 18:
            try need(133)
            return [.position(position(bits, mmsi: mmsi, type: type, sog: 46, lon: 57, lat: 85, cog: 112, heading: 124))]
        case 19:
            try need(271)
            return [
                .position(position(bits, mmsi: mmsi, type: type, sog: 46, lon: 57, lat: 85, cog: 112, heading: 124)),
                .staticData(AISStatic(mmsi: mmsi, shipType: nonZero(bits.unsigned(263, 8)), draught: nil, name: bits.text(143, 120))),
            ]
        case 5:
            try need(302)
            let draught = Double(bits.unsigned(294, 8)) / 10
            return [.staticData(AISStatic(mmsi: mmsi, shipType: nonZero(bits.unsigned(232, 8)),
                                          draught: draught > 0 ? draught : nil, name: bits.text(112, 120)))]
        case 24:
            try need(40)
            if bits.unsigned(38, 2) == 0 {
                return [.staticData(AISStatic(mmsi: mmsi, shipType: nil, draught: nil, name: bits.text(40, 120)))]
            }
            try need(48)
            return [.staticData(AISStatic(mmsi: mmsi, shipType: nonZero(bits.unsigned(40, 8)), draught: nil, name: nil))]
        default:
            throw .unsupportedType(type)
        }
    }

    private static func nonZero(_ value: UInt64) -> Int? { value == 0 ? nil : Int(value) }

    private static func position(_ bits: AISBits, mmsi: UInt32, type: Int, sog: Int, lon: Int, lat: Int, cog: Int, heading: Int) -> AISPosition {
        let rawSpeed = bits.unsigned(sog, 10)
        let longitude = Double(bits.signed(lon, 28)) / 600_000
        let latitude = Double(bits.signed(lat, 27)) / 600_000
        let course = Double(bits.unsigned(cog, 12)) / 10
        let rawHeading = bits.unsigned(heading, 9)
        return AISPosition(
            mmsi: mmsi, type: type,
            speedOverGround: rawSpeed == 1023 ? nil : Double(rawSpeed) / 10,
            courseOverGround: course < 360 ? course : nil,
            heading: rawHeading < 360 ? Double(rawHeading) : nil,
            latitude: abs(latitude) <= 90 ? latitude : nil,
            longitude: abs(longitude) <= 180 ? longitude : nil
        )
    }
}
