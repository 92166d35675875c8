import LeewayCore
import LeewayModels

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

    var equationsTable: String {
        let header = artifact.features.map { "<th><code>\(escapeHTML($0))</code></th>" }.joined()
        let rows = artifact.targets.map { t in
            let coefficients = t.coefficients.map { "<td class=\"num\">\(scientific($0))</td>" }.joined()
            return "<tr><td><code>\(escapeHTML(t.name))</code> (\(escapeHTML(t.unit)))</td><td class=\"num\">\(scientific(t.intercept))</td>\(coefficients)<td class=\"num\">\(format(t.relativeResidualStd * 100, 2)) %</td></tr>"
        }
        return "<table><tr><th>target</th><th>intercept</th>\(header)<th>residual σ</th></tr>\(rows.joined())</table>"
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
