import LeewayCore
import LeewayModels

/// A model's predictions on the holdout and what they add up to.
public struct HoldoutScore: Sendable {
    /// Each held-out row with its prediction.
    public var predictions: [(row: TrainingSet.Row, predicted: TargetValues)]

    /// Scores `model` on `rows`.
    public init(_ model: LinearPhysicsModel, on rows: [TrainingSet.Row]) {
        predictions = rows.map { ($0, model.predict($0.inputs)) }
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
        let absolute = Self.deviation(residuals(target))
        let relative = Self.deviation(predictions.compactMap { pair in
            pair.row.actuals[target].flatMap { a in pair.predicted[target].flatMap { $0 > 0 ? (a - $0) / $0 : nil } }
        })
        return (absolute, relative)
    }

    static func deviation(_ values: [Double]) -> Double {
        guard values.count > 1 else { return 0 }
        let mean = values.reduce(0, +) / Double(values.count)
        return (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)).squareRoot()
    }
}
