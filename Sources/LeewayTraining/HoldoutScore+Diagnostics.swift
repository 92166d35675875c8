import LeewayCore
import LeewayModels

extension HoldoutScore {
    /// The fuel diagnostics an artifact carries: up to `samples` points evenly spaced over the
    /// holdout, the relative residual histogram (1 % bins over ±15 %) and per-vessel residuals.
    public func diagnostics(samples limit: Int = 300) -> ModelDiagnostics {
        let fuel = predictions.compactMap { pair -> (row: TrainingSet.Row, actual: Double, predicted: Double)? in
            guard let actual = pair.row.actuals[.fuelRate], let predicted = pair.predicted[.fuelRate] else { return nil }
            return (pair.row, actual, predicted)
        }
        let stride = max(1, (fuel.count + limit - 1) / max(limit, 1))
        let samples = Swift.stride(from: 0, to: fuel.count, by: stride).map { index in
            let point = fuel[index]
            return ModelDiagnostics.Sample(stwKn: point.row.inputs.speed, draftM: point.row.inputs.draft,
                                           actual: point.actual, predicted: point.predicted)
        }
        var counts = [Int](repeating: 0, count: 30)
        for point in fuel where point.predicted > 0 {
            let percent = (point.actual / point.predicted - 1) * 100
            counts[min(29, max(0, Int(((percent + 15)).rounded(.down))))] += 1
        }
        var byVessel: [String: [(actual: Double, residual: Double)]] = [:]
        for point in fuel { byVessel[point.row.vesselID, default: []].append((point.actual, point.actual - point.predicted)) }
        let vessels = byVessel.keys.sorted().map { id in
            let values = byVessel[id]!
            let n = Double(values.count)
            let bias = values.reduce(0) { $0 + $1.residual } / n
            let level = values.reduce(0) { $0 + $1.actual } / n
            return ModelDiagnostics.VesselResidual(
                vesselId: id, records: values.count, bias: bias, relativeBias: level != 0 ? bias / level : 0,
                rmse: (values.reduce(0) { $0 + $1.residual * $1.residual } / n).squareRoot())
        }
        return ModelDiagnostics(samples: samples, residualHistogram: .init(lower: -15, width: 1, counts: counts), vessels: vessels)
    }
}
