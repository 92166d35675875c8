import LeewayCore

extension AuditReport {
    /// Predicted vs actual, residuals against speed, the speed–fuel curve over the data and
    /// the residual histogram; empty when the artifact carries no diagnostics.
    var charts: [String] {
        guard let diagnostics = artifact.diagnostics, !diagnostics.samples.isEmpty else {
            return ["<p>This artifact carries no holdout diagnostics (fitted elsewhere); only tables are shown.</p>"]
        }
        let samples = diagnostics.samples
        let top = samples.map { max($0.actual, $0.predicted) }.max() ?? 1
        let predictedVsActual = SVGChart(
            title: "Predicted vs actual fuel (holdout)", xLabel: "actual fuel, t/h", yLabel: "predicted fuel, t/h",
            scatter: samples.map { ($0.actual, $0.predicted) },
            lines: [.init(label: "perfect prediction", points: [(0, 0), (top, top)], color: "#cf222e")])
        let residuals = SVGChart(
            title: "Fuel residual against speed", xLabel: "speed through water, kn", yLabel: "actual − predicted, t/h",
            scatter: samples.map { ($0.stwKn, $0.actual - $0.predicted) },
            lines: [.init(label: "zero", points: [(samples.map(\.stwKn).min() ?? 0, 0), (samples.map(\.stwKn).max() ?? 1, 0)],
                          color: "#57606a")])
        let histogram = diagnostics.residualHistogram
        let bars = histogram.counts.enumerated().map { index, count in
            (x: histogram.lower + Double(index) * histogram.width, width: histogram.width, height: Double(count))
        }
        let distribution = SVGChart(title: "Fuel residual distribution (holdout)", xLabel: "actual ÷ predicted − 1, %",
                                    yLabel: "reports", bars: bars)
        return [predictedVsActual.render(), residuals.render(), speedCurve(samples).render(), distribution.render()]
    }

    /// The model's fuel against speed at ballast and laden draught (calm, clean hull) over the
    /// measured points.
    private func speedCurve(_ samples: [ModelDiagnostics.Sample]) -> SVGChart {
        let hull = HullClass.typical(artifact.vesselType)
        let speeds = samples.map(\.stwKn)
        let low = speeds.min() ?? 0, high = speeds.max() ?? hull.serviceSpeed
        var lines: [SVGChart.Series] = []
        let colors = ["#1a7f37", "#bc4c00"]
        if let curves = artifact.diagnostics?.speedCurves {
            for (index, curve) in curves.enumerated() {
                let label = "model, \(curve.draftM <= hull.ballastDraft ? "ballast" : "laden") \(format(curve.draftM, 1)) m"
                lines.append(.init(label: label, points: zip(curve.stwKn, curve.fuelRateTph).filter { $0.1.isFinite }.map { ($0.0, $0.1) },
                                   color: colors[index % colors.count]))
            }
        } else if let model = try? artifact.servingModel() {
            for (label, draft, color) in [("model, ballast \(format(hull.ballastDraft, 1)) m", hull.ballastDraft, colors[0]),
                                          ("model, laden \(format(hull.ladenDraft, 1)) m", hull.ladenDraft, colors[1])] {
                let curve = (0...40).map { step -> (x: Double, y: Double) in
                    let speed = low + (high - low) * Double(step) / 40
                    return (speed, model.predict(PhysicsInputs(speed: speed, draft: draft))[.fuelRate] ?? 0)
                }
                lines.append(.init(label: label, points: curve, color: color))
            }
        }
        return SVGChart(title: "Speed–fuel curve over the data (lines: calm water, clean hull)", xLabel: "speed through water, kn", yLabel: "fuel, t/h",
                        scatter: samples.map { ($0.stwKn, $0.actual) }, lines: lines)
    }
}
