/// How a vessel is operating: loaded or not, how fast, in what wind. Drift and model checks
/// compare like with like within a regime.
public struct OperatingRegime: Sendable, Hashable {
    /// Loaded or in ballast, from draught against the type's halfway draught.
    public enum Loading: String, Sendable { case laden, ballast }

    /// Speed through water, banded.
    public enum SpeedBand: String, Sendable, CaseIterable {
        case stopped, manoeuvring, slow, economical, service, fast

        /// The band of `knots`: < 1, < 5, < 10, < 14, < 18, ≥ 18.
        public init(knots: Double) {
            self = switch knots {
            case ..<1: .stopped
            case ..<5: .manoeuvring
            case ..<10: .slow
            case ..<14: .economical
            case ..<18: .service
            default: .fast
            }
        }
    }

    /// Laden or ballast; nil before any draught was reported.
    public var loading: Loading?
    /// The speed band; nil before any speed was reported.
    public var speedBand: SpeedBand?
    /// Beaufort force 0–12; nil before any wind was reported.
    public var beaufort: Int?

    /// A regime; all unknown by default.
    public init(loading: Loading? = nil, speedBand: SpeedBand? = nil, beaufort: Int? = nil) {
        self.loading = loading
        self.speedBand = speedBand
        self.beaufort = beaufort
    }

    /// The regime's slot among ``ResidualWatch/regimes``: laden or ballast (unknown counts as
    /// laden) × slow (and slower), economical, service, fast.
    public var residualSlot: Int {
        let band = switch speedBand {
        case .economical?: 1
        case .service?: 2
        case .fast?: 3
        default: 0
        }
        return (loading == .ballast ? 4 : 0) + band
    }

    /// The loading and speed band of `report` for a hull like `hull`; nil without draught or
    /// speed through water.
    public init?(_ report: Telemetry, hull: HullClass) {
        guard let draft = report[.draft], let speed = report[.speedThroughWater] else { return nil }
        self.init(loading: draft >= hull.ladenThreshold ? .laden : .ballast, speedBand: SpeedBand(knots: speed))
    }

    /// `laden/economical`: loading and speed band, as reference keys and alert labels name them.
    public var name: String { "\(loading?.rawValue ?? "unknown")/\(speedBand?.rawValue ?? "unknown")" }

    /// Beaufort force of a wind speed in m/s (WMO upper limits).
    public static func beaufort(windSpeed: Double) -> Int {
        beaufortLimits.firstIndex { windSpeed < $0 } ?? 12
    }

    private static let beaufortLimits: [Double] = [0.5, 1.5, 3.3, 5.5, 7.9, 10.7, 13.8, 17.1, 20.7, 24.4, 28.4, 32.6]
}
