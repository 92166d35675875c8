import LeewayCore
import LeewayModels

/// A model's predictions on the holdout and what they add up to.
public struct HoldoutScore: Sendable {
    /// Each held-out row with its prediction.
    public var predictions: [(row: TrainingSet.Row, predicted: TargetValues)]

    /// Scores `model` on `rows`.
    public init(_ model: LinearPhysicsModel, on rows: [TrainingSet.Row]) {
        predictions = rows.map { ($0, model.predict($0.inputs, calibration: model.calibration(for: $0.vesselID))) }
    }

    /// Scores a model of any kind from its `answers`, one per row of `rows`.
    public init(rows: [TrainingSet.Row], answers: [TargetValues]) {
        precondition(rows.count == answers.count, "one answer per row")
        predictions = Array(zip(rows, answers))
    }

    /// Actual − predicted of `target` per row (rows without either are left out).
    public func residuals(_ target: PredictionTarget) -> [Double] {
        predictions.compactMap { pair in pair.row.actuals[target].flatMap { a in pair.predicted[target].map { a - $0 } } }
    }

    /// MAE, RMSE, R² and bias per speed band of `target`.
    public func metrics(_ target: PredictionTarget) -> TargetMetrics {
        let pairs = predictions.compactMap { pair in
            pair.row.actuals[target].flatMap { a in pair.predicted[target].map { (row: pair.row, actual: a, predicted: $0) } }
        }
        let n = Double(max(pairs.count, 1))
        let residuals = pairs.map { $0.actual - $0.predicted }
        let mean = pairs.reduce(0) { $0 + $1.actual } / n
        let total = pairs.reduce(0) { $0 + ($1.actual - mean) * ($1.actual - mean) }
        let squared = residuals.reduce(0) { $0 + $1 * $1 }
        var bands: [BandBias] = []
        for band in OperatingRegime.SpeedBand.allCases {
            let inBand = pairs.filter { OperatingRegime.SpeedBand(knots: $0.row.inputs.speed) == band }
            guard !inBand.isEmpty else { continue }
            let bias = inBand.reduce(0) { $0 + $1.actual - $1.predicted } / Double(inBand.count)
            let level = inBand.reduce(0) { $0 + $1.actual } / Double(inBand.count)
            bands.append(BandBias(band: band.rawValue, records: inBand.count, bias: bias, relativeBias: level != 0 ? bias / level : 0))
        }
        return TargetMetrics(target: "\(target.name)", mae: residuals.reduce(0) { $0 + abs($1) } / n,
                             rmse: (squared / n).squareRoot(), rSquared: total > 0 ? 1 - squared / total : 0,
                             biasBySpeedBand: bands)
    }

    /// Standard deviation of the residuals of `target`, absolute and as a fraction of the prediction.
    public func residualDeviation(_ target: PredictionTarget) -> (absolute: Double, relative: Double) {
        (Self.deviation(residuals(target)), Self.deviation(relativeResiduals(target)))
    }

    /// Standard deviation of the relative residuals of `target` about each vessel's own mean
    /// in each operating regime (``OperatingRegime/residualSlot``): the per-report noise the
    /// fuel drift watch sees once it has learnt a vessel's reference level per regime. Sister
    /// ships that differ by a few percent do not inflate it, so a fault of a few percent
    /// stands out. At least the baseline's ``PhysicsBaseline/relativeResidualDeviation``
    /// (3 %), so that a few percent of weather misfit over an hour does not read as drift.
    public func withinVesselDeviation(_ target: PredictionTarget) -> Double {
        var groups: [String: (sum: Double, squares: Double, count: Double)] = [:]
        for pair in predictions {
            guard let actual = pair.row.actuals[target], let predicted = pair.predicted[target], predicted > 0 else { continue }
            let relative = (actual - predicted) / predicted
            let key = "\(pair.row.vesselID) \(pair.row.regime.residualSlot)"
            let group = groups[key] ?? (0, 0, 0)
            groups[key] = (group.sum + relative, group.squares + relative * relative, group.count + 1)
        }
        var squares = 0.0, degrees = 0.0
        for group in groups.values where group.count > 1 {
            squares += group.squares - group.sum * group.sum / group.count
            degrees += group.count - 1
        }
        return max(degrees > 0 ? (squares / degrees).squareRoot() : Self.deviation(relativeResiduals(target)),
                   PhysicsBaseline.relativeResidualDeviation)
    }

    /// (actual − predicted) ÷ predicted of `target` per row with a positive prediction.
    private func relativeResiduals(_ target: PredictionTarget) -> [Double] {
        predictions.compactMap { pair in
            pair.row.actuals[target].flatMap { a in pair.predicted[target].flatMap { $0 > 0 ? (a - $0) / $0 : nil } }
        }
    }

    static func deviation(_ values: [Double]) -> Double {
        guard values.count > 1 else { return 0 }
        let mean = values.reduce(0, +) / Double(values.count)
        return (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)).squareRoot()
    }
}
