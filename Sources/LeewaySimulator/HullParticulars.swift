import LeewayCore

/// The particulars the simulator's physics needs for one kind of vessel: the type's design
/// particulars (``HullClass``) plus what only the simulation uses (windage, voyage rhythm).
public struct HullParticulars: Sendable {
    /// Displacement, draughts, speed, Admiralty coefficient, engine.
    public var hull: HullClass
    /// Typical sea passage length, hours.
    public var passageHours: ClosedRange<Double>
    /// Typical port stay, hours.
    public var portHours: ClosedRange<Double>

    /// Laden draught, metres.
    public var ladenDraft: Double { hull.ladenDraft }
    /// Ballast draught, metres.
    public var ballastDraft: Double { hull.ballastDraft }
    /// Service speed through water, knots.
    public var serviceSpeed: Double { hull.serviceSpeed }
    /// Installed main-engine power, kW.
    public var maxPower: Double { hull.maxPower }
    /// Transverse area above water for wind resistance, m².
    public var windageArea: Double { hull.windageArea }

    /// Calm-water shaft power at `speed` knots and `draft` metres, clean hull (Admiralty law).
    public func calmWaterPower(speed: Double, draft: Double) -> Double { hull.calmWaterPower(speed: speed, draft: draft) }

    /// Specific fuel consumption at `load` (0…1 of max power).
    public func sfoc(load: Double) -> Double { hull.sfoc(load: load) }

    /// Default particulars per vessel type.
    public static func typical(_ type: VesselType) -> HullParticulars {
        let hull = HullClass.typical(type)
        return switch type {
        case .tanker: .init(hull, 150...400, 18...40)
        case .container: .init(hull, 40...200, 10...24)
        case .bulk: .init(hull, 150...400, 24...72)
        case .cruise: .init(hull, 10...30, 8...14)
        case .passenger: .init(hull, 1...6, 1...4)
        case .dredger: .init(hull, 4...20, 6...18)
        case .tug: .init(hull, 1...6, 2...12)
        case .fishing: .init(hull, 20...150, 12...48)
        case .other: .init(hull, 10...80, 6...30)
        }
    }

    init(_ hull: HullClass, _ passage: ClosedRange<Double>, _ port: ClosedRange<Double>) {
        self.hull = hull
        passageHours = passage
        portHours = port
    }
}
