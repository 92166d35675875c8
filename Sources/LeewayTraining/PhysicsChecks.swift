import LeewayCore
import LeewayModels

/// The automatic sanity checks every trained model faces before a reviewer sees it: does
/// it behave like a ship across the type's operating range?
public struct PhysicsChecks: Sendable {
    /// The vessel type probed.
    public var vesselType: VesselType
    /// The type's particulars: speed range and draughts to probe.
    public var hull: HullClass
    /// Allowed log-log slope of fuel against speed (Admiralty law says about 3).
    public var speedExponent: ClosedRange<Double> = 2.5...4.0
    /// Largest allowed holdout bias in a speed band, as a fraction of the band's mean actual.
    public var maximumBandBias = 0.05
    /// Fewest holdout reports for a band's bias to count.
    public var minimumBandRecords = 30
    /// Plausible specific fuel consumption of a ship's main engine, g/kWh: predicted fuel ÷
    /// predicted power. A fuel meter in kg/h, or fuel and power columns swapped, fall far outside.
    public var specificConsumption: ClosedRange<Double> = 120...320

    /// Checks for `type`, with its typical particulars.
    public init(type: VesselType) {
        vesselType = type
        hull = HullClass.typical(type)
    }

    /// Speeds probed: half to 110 % of service speed, in 20 steps.
    public var speeds: [Double] {
        let low = max(3, hull.serviceSpeed * 0.5), high = hull.serviceSpeed * 1.1
        return (0...20).map { low + (high - low) * Double($0) / 20 }
    }

    /// Every question the checks put to a model.
    public var probePoints: [ProbePoint] {
        var points: [ProbePoint] = []
        for draft in [hull.ballastDraft, hull.ladenDraft] {
            points += speeds.map { ProbePoint(speed: $0, draft: draft) }
            points.append(ProbePoint(speed: hull.serviceSpeed, draft: draft))
        }
        points.append(ProbePoint(speed: hull.serviceSpeed, draft: hull.ladenDraft, days: 365))
        var seen = Set<ProbePoint>()
        return points.filter { seen.insert($0).inserted }
    }

    /// The voyages that put ``probePoints`` to a model, in that order.
    public func voyages() -> [ProbeVoyage] {
        probePoints.map { ProbeVoyage($0, type: vesselType) }
    }

    /// The probe voyages' input rows for a model reading `layout`, in ``probePoints`` order.
    public func probeBatch(_ layout: InputLayout) -> FeatureBatch {
        var batch = FeatureBatch(width: layout.inputs.count, capacity: probePoints.count)
        for voyage in voyages() { batch.append(layout, voyage.report, state: voyage.state) }
        return batch
    }

    /// A batch model's `answers` to ``probeBatch(_:)``, by point.
    public func answers(_ answers: [TargetValues]) -> [ProbePoint: TargetValues] {
        precondition(answers.count == probePoints.count, "one answer per probe")
        return Dictionary(uniqueKeysWithValues: zip(probePoints, answers))
    }

    /// Runs every check on a model's `answers` to ``probePoints`` (a point without one
    /// reads as no answer) and its holdout `metrics`.
    public func run(answers: [ProbePoint: TargetValues], metrics: [TargetMetrics]) -> [CheckResult] {
        let model = Answers(values: answers)
        return [positive(model), increasingWithSpeed(model), exponent(model), increasingWithDraft(model), fouling(model),
                specificConsumption(model), bias(metrics)]
    }

    /// Runs every check on an in-process `model`, asked through the same probe voyages.
    public func run(_ model: some PredictionModel, metrics: [TargetMetrics]) -> [CheckResult] {
        run(answers: answers(model), metrics: metrics)
    }

    /// An in-process model's answers to ``probePoints``.
    public func answers(_ model: some PredictionModel) -> [ProbePoint: TargetValues] {
        var answers: [ProbePoint: TargetValues] = [:]
        for (point, voyage) in zip(probePoints, voyages()) { answers[point] = model.predict(voyage.report, state: voyage.state) }
        return answers
    }

    /// A model's answers, looked up by point.
    struct Answers {
        let values: [ProbePoint: TargetValues]

        func predict(_ point: ProbePoint) -> TargetValues { values[point] ?? TargetValues() }
    }

    func fuel(_ model: Answers, speed: Double, draft: Double, days: Double = 0) -> Double {
        model.predict(ProbePoint(speed: speed, draft: draft, days: days))[.fuelRate] ?? .nan
    }

    private func positive(_ model: Answers) -> CheckResult {
        let lowest = [hull.ballastDraft, hull.ladenDraft].flatMap { draft in speeds.map { fuel(model, speed: $0, draft: draft) } }.min() ?? .nan
        return CheckResult(name: "fuel_positive", passed: lowest > 0,
                           detail: "lowest predicted fuel over \(range) at ballast and laden draught: \(format(lowest, 4)) t/h (must be > 0)")
    }

    private func increasingWithSpeed(_ model: Answers) -> CheckResult {
        var worst = Double.infinity
        for draft in [hull.ballastDraft, hull.ladenDraft] {
            let curve = speeds.map { fuel(model, speed: $0, draft: draft) }
            for (a, b) in zip(curve, curve.dropFirst()) { worst = min(worst, b - a) }
        }
        return CheckResult(name: "fuel_increases_with_speed", passed: worst > 0,
                           detail: "smallest fuel step between neighbouring speeds over \(range): \(format(worst, 5)) t/h (must be > 0)")
    }

    private func exponent(_ model: Answers) -> CheckResult {
        let points = speeds.map { (x: log($0), y: log(fuel(model, speed: $0, draft: hull.ladenDraft))) }
        let slope: Double
        if points.allSatisfy({ $0.y.isFinite }) {
            let mx = points.reduce(0) { $0 + $1.x } / Double(points.count), my = points.reduce(0) { $0 + $1.y } / Double(points.count)
            slope = points.reduce(0) { $0 + ($1.x - mx) * ($1.y - my) } / points.reduce(0) { $0 + ($1.x - mx) * ($1.x - mx) }
        } else {
            slope = .nan
        }
        return CheckResult(name: "speed_exponent", passed: speedExponent.contains(slope),
                           detail: "log-log slope of fuel against speed at laden draught over \(range): \(format(slope, 2)) (allowed \(speedExponent.lowerBound)–\(speedExponent.upperBound); Admiralty law ≈ 3)")
    }

    private func increasingWithDraft(_ model: Answers) -> CheckResult {
        let ballast = fuel(model, speed: hull.serviceSpeed, draft: hull.ballastDraft)
        let laden = fuel(model, speed: hull.serviceSpeed, draft: hull.ladenDraft)
        return CheckResult(name: "fuel_increases_with_draft", passed: laden > ballast,
                           detail: "at \(format(hull.serviceSpeed, 1)) kn: ballast \(format(ballast, 3)) t/h, laden \(format(laden, 3)) t/h (laden must be higher)")
    }

    private func fouling(_ model: Answers) -> CheckResult {
        let clean = fuel(model, speed: hull.serviceSpeed, draft: hull.ladenDraft)
        let fouled = fuel(model, speed: hull.serviceSpeed, draft: hull.ladenDraft, days: 365)
        let perYear = clean > 0 ? (fouled - clean) / clean : .nan
        return CheckResult(name: "fouling_non_negative", passed: perYear >= 0,
                           detail: "fuel change after 365 days without hull cleaning: \(format(perYear * 100, 1)) % (must be ≥ 0)")
    }

    private func specificConsumption(_ model: Answers) -> CheckResult {
        var values: [Double] = []
        for draft in [hull.ballastDraft, hull.ladenDraft] {
            for speed in [speeds[speeds.count / 2], speeds[speeds.count - 1]] {
                let predicted = model.predict(ProbePoint(speed: speed, draft: draft))
                if let fuel = predicted[.fuelRate], let power = predicted[.shaftPower] {
                    values.append(power > 0 ? fuel * 1e6 / power : .nan)
                }
            }
        }
        let low = values.min() ?? .nan, high = values.max() ?? .nan
        let passed = !values.isEmpty && values.allSatisfy { specificConsumption.contains($0) }
        return CheckResult(name: "sfoc_plausible", passed: passed,
                           detail: "predicted fuel ÷ predicted power at \(format(speeds[speeds.count / 2], 1)) and \(format(speeds[speeds.count - 1], 1)) kn, ballast and laden: \(format(low, 0))–\(format(high, 0)) g/kWh (allowed \(format(specificConsumption.lowerBound, 0))–\(format(specificConsumption.upperBound, 0)); a fuel meter in kg/h reads 1000× high)")
    }

    private func bias(_ metrics: [TargetMetrics]) -> CheckResult {
        let counted = metrics.flatMap { m in m.biasBySpeedBand.filter { $0.records >= minimumBandRecords }.map { (m.target, $0) } }
        let worst = counted.max { abs($0.1.relativeBias) < abs($1.1.relativeBias) }
        let passed = !counted.isEmpty && counted.allSatisfy { abs($0.1.relativeBias) <= maximumBandBias }
        let detail = worst.map { "largest holdout bias: \($0.0) in the \($0.1.band) band, \(format($0.1.relativeBias * 100, 2)) % over \($0.1.records) reports (allowed ±\(format(maximumBandBias * 100, 0)) % in bands with ≥ \(minimumBandRecords) reports)" }
            ?? "no speed band has \(minimumBandRecords) holdout reports"
        return CheckResult(name: "holdout_bias_by_speed_band", passed: passed, detail: detail)
    }

    private var range: String { "\(format(speeds.first ?? 0, 1))–\(format(speeds.last ?? 0, 1)) kn" }
}

/// `value` with `decimals` decimals, for check details.
func format(_ value: Double, _ decimals: Int) -> String { fixedDecimal(value, decimals) }

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
