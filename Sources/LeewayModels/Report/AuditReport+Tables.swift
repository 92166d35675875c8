import LeewayCore

extension AuditReport {
    var checksTable: String {
        let rows = artifact.checks.map { check in
            "<tr><td class=\"\(check.passed ? "pass" : "fail")\">\(check.passed ? "PASS" : "FAIL")</td><td><code>\(escapeHTML(check.name))</code></td><td>\(escapeHTML(check.detail))</td></tr>"
        }
        return "<table><tr><th>result</th><th>check</th><th>measured</th></tr>\(rows.joined())</table>"
    }

    var metricsTable: String {
        let rows = artifact.metrics.map { m in
            let bands = m.biasBySpeedBand.map { "\($0.band): \(format($0.relativeBias * 100, 2)) % (\($0.records))" }.joined(separator: "; ")
            return "<tr><td><code>\(escapeHTML(m.target))</code></td><td class=\"num\">\(format(m.mae, 4))</td><td class=\"num\">\(format(m.rmse, 4))</td><td class=\"num\">\(format(m.rSquared, 4))</td><td>\(escapeHTML(bands))</td></tr>"
        }
        return "<table><tr><th>target</th><th>MAE</th><th>RMSE</th><th>R²</th><th>bias by speed band (reports)</th></tr>\(rows.joined())</table>"
    }

    /// One row per target and term: each target lists its own terms (fuel reads predicted power).
    var equationsTable: String {
        var rows: [String] = []
        for t in artifact.targets {
            let terms = t.features ?? artifact.features
            let name = "<code>\(escapeHTML(t.name))</code> (\(escapeHTML(t.unit))), residual σ \(format(t.relativeResidualStd * 100, 2)) %"
            rows.append("<tr><td>\(name)</td><td>intercept</td><td class=\"num\">\(scientific(t.intercept))</td></tr>")
            for (term, coefficient) in zip(terms, t.coefficients) {
                rows.append("<tr><td></td><td><code>\(escapeHTML(term))</code></td><td class=\"num\">\(scientific(coefficient))</td></tr>")
            }
        }
        let exponents = "<p>Hull terms: a = \(format(artifact.speedExponent ?? 3, 2)) (speed), b = \(format(artifact.draftExponent ?? 2.0 / 3.0, 2)) (draught).</p>"
        return exponents + "<table><tr><th>target</th><th>term</th><th>coefficient</th></tr>\(rows.joined())</table>"
    }

    /// How the fit chose its penalties and where coefficients met their bounds.
    var fitTable: String {
        guard let fit = artifact.fit else { return "<p>No fit record in this artifact (fitted elsewhere).</p>" }
        let rows = fit.targets.map { t in
            let tried = t.candidates.map { "\(scientific($0.penalty)): \(format($0.validationRmse * 100, 3)) %" }.joined(separator: "; ")
            let bound = t.atBound.isEmpty ? "none" : t.atBound.map { "<code>\(escapeHTML($0))</code>" }.joined(separator: ", ")
            return "<tr><td><code>\(escapeHTML(t.target))</code></td><td class=\"num\">\(scientific(t.penalty))</td><td>\(escapeHTML(tried))</td><td>\(bound)</td></tr>"
        }
        return "<p>Method <code>\(escapeHTML(fit.method))</code>; penalties scored on the latest \(fit.validationRecords) fitting reports (relative RMSE).</p>"
            + "<table><tr><th>target</th><th>penalty chosen</th><th>penalties tried: validation RMSE</th><th>coefficients at a bound</th></tr>\(rows.joined())</table>"
    }

    /// Each ship's calibration: factors far from 1 deserve a look (a sensor, a different hull).
    var calibrationTable: String {
        guard let vessels = artifact.vessels, !vessels.isEmpty else { return "<p>No ship calibrations: every ship is served as the type's typical one.</p>" }
        let rows = vessels.map { v in
            "<tr><td>\(escapeHTML(v.vesselId))</td><td class=\"num\">\(v.records)</td><td class=\"num\">\(format(v.hullFactor, 3))</td><td class=\"num\">\(format(v.fuelFactor, 3))</td></tr>"
        }
        return "<table><tr><th>vessel</th><th>reports</th><th>hull factor</th><th>fuel factor</th></tr>\(rows.joined())</table>"
    }

    var vesselTable: String {
        guard let vessels = artifact.diagnostics?.vessels, !vessels.isEmpty else { return "<p>No per-vessel residuals in this artifact.</p>" }
        let rows = vessels.map { v in
            "<tr><td>\(escapeHTML(v.vesselId))</td><td class=\"num\">\(v.records)</td><td class=\"num\">\(format(v.bias, 4))</td><td class=\"num\">\(format(v.relativeBias * 100, 2)) %</td><td class=\"num\">\(format(v.rmse, 4))</td></tr>"
        }
        return "<table><tr><th>vessel</th><th>reports</th><th>bias, t/h</th><th>bias</th><th>RMSE, t/h</th></tr>\(rows.joined())</table>"
    }

    var trainingTable: String {
        let t = artifact.training
        let rows = [("source", t.source), ("from", t.from), ("to", t.to), ("holdout from", t.holdoutFrom),
                    ("reports fitted", "\(t.records)"), ("reports held out", "\(t.holdoutRecords)"), ("vessels", "\(t.vessels)")]
        return "<table>\(rows.map { "<tr><th>\($0.0)</th><td>\(escapeHTML($0.1))</td></tr>" }.joined())</table>"
    }

    var instructions: String {
        let type = artifact.vesselType.rawValue, version = artifact.version
        return """
        <p>Approve only after reading the checks, the holdout bias per speed band and the per-vessel table. \
        Approving retires the version serving now; approving an older version rolls back. Every decision is \
        recorded in the registry with your name.</p>
        <pre>leeway models approve \(type) \(version) --by "Your Name" --notes "why"
        leeway models reject \(type) \(version) --by "Your Name" --reason "why"</pre>
        """
    }

    private func scientific(_ value: Double) -> String {
        guard value != 0, abs(value) < 0.01 || abs(value) >= 100_000 else { return format(value, 4) }
        let exponent = Int(log10(abs(value)).rounded(.down))
        var mantissa = value
        for _ in 0..<abs(exponent) { mantissa = exponent > 0 ? mantissa / 10 : mantissa * 10 }
        return "\(format(mantissa, 3))e\(exponent)"
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
