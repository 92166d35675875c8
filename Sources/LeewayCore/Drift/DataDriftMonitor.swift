/// Data drift per vessel type and operating regime: does the serving model still fit the
/// type's fleet? Watches the distribution of each target's relative residual (actual ÷
/// predicted − 1, in percent) per (type, regime) against the same distribution in the
/// model's training data, with one ``DataDriftWatch`` each. Laden is compared with laden
/// and economical speed with economical speed, so a change of trade or speed policy is not
/// mistaken for drift.
///
/// Consecutive reports of one vessel are nearly the same sample, which makes PSI and KS
/// overconfident; the monitor takes one report per vessel per event-time hour (tracked in
/// a fixed table, so memory stays bounded however many vessel ids appear).
public struct DataDriftMonitor: Sendable {
    /// The watched quantities: each target's relative residual.
    public static let targets: [PredictionTarget] = [.fuelRate, .shaftPower]

    /// The reference key of `target`'s residual within `regime`, e.g. `fuel_rate_tph_residual_pct@laden/economical`.
    public static func key(_ target: PredictionTarget, regime: OperatingRegime) -> String {
        "\(target.name)_residual_pct@\(regime.name)"
    }

    struct Key: Hashable {
        var type: VesselType
        var regime: String
        var target: PredictionTarget
    }

    /// Thresholds of every watch.
    public var settings = DataDriftWatch.Settings()
    private var watches: [Key: DataDriftWatch] = [:]
    private var sampledHours = [Int64](repeating: .min, count: 1 << 16)

    /// An empty monitor.
    public init() {}

    /// Watches in use (bounded by types × regimes × targets).
    public var count: Int { watches.count }

    /// A relative residual in percent, as references and watches hold them; nil without a
    /// positive prediction.
    public static func residualPercent(actual: Double, predicted: Double) -> Double? {
        predicted > 0 ? (actual / predicted - 1) * 100 : nil
    }

    /// Adds `report`, compared with `references` (nil: its type has no trained model, nothing
    /// to compare with); `predict` gives the serving model's targets and is called only for
    /// the reports sampled (one per vessel-hour). Returns alerts that fired, escalated or resolved.
    public mutating func observe(_ report: Telemetry, references: DriftReferences?,
                                 predict: () -> TargetValues?) -> [DriftAlert] {
        guard let references, report.event == nil,
              let regime = OperatingRegime(report, hull: HullClass.typical(report.vesselType)),
              regime.speedBand != .stopped, regime.speedBand != .manoeuvring else { return [] }
        let hour = report.eventTime.microseconds.floorDivided(by: 3_600_000_000).quotient
        let slot = Int(truncatingIfNeeded: UInt(bitPattern: report.vesselID.hashValue) & UInt(sampledHours.count - 1))
        guard sampledHours[slot] != hour, let predicted = predict() else { return [] }
        sampledHours[slot] = hour
        var alerts: [DriftAlert] = []
        for target in Self.targets {
            guard let actual = report[target.actual], let expected = predicted[target],
                  let residual = Self.residualPercent(actual: actual, predicted: expected),
                  let reference = references.distributions[Self.key(target, regime: regime)] else { continue }
            let key = Key(type: report.vesselType, regime: regime.name, target: target)
            var watch = watches[key] ?? DataDriftWatch(settings: settings)
            if let transition = watch.observe(residual, at: report.eventTime, reference: reference, settings: settings) {
                alerts.append(.dataDrift(transition, type: report.vesselType, regime: regime, target: target, watch: watch,
                                         references: references, settings: settings))
            }
            watches[key] = watch
        }
        return alerts
    }
}
