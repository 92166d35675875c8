import LeewayCore

/// The audit page of one model version: a static HTML file with inline SVG charts and
/// inline CSS that opens from disk with no network. Drawn from the artifact alone, so the
/// trainer, the CLI and the HTTP server all render the same page.
public struct AuditReport: Sendable {
    /// The model reviewed.
    public var artifact: ModelArtifact

    /// The report of `artifact`.
    public init(_ artifact: ModelArtifact) { self.artifact = artifact }

    /// The page.
    public func html() -> String {
        let a = artifact
        let title = "\(a.name) v\(a.version) — audit report"
        let passed = a.checks.filter(\.passed).count
        return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>\(escapeHTML(title))</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <style>\(Self.style)</style></head>
        <body>
        <header><h1>\(escapeHTML(a.name)) <span class="version">v\(a.version)</span></h1>
        <p><span class="status \(a.status.rawValue)">\(a.status.rawValue)</span>
        vessel type <b>\(a.vesselType.rawValue)</b> · kind <b>\(escapeHTML(a.kind))</b> ·
        physics checks <b>\(passed)/\(a.checks.count) passed</b> · created \(escapeHTML(a.createdAt))
        \(a.approvedBy.map { " · approved by <b>\(escapeHTML($0))</b> at \(escapeHTML(a.approvedAt ?? ""))" } ?? "")</p>
        <p class="hash">content hash <code>\(escapeHTML(a.contentHash))</code></p></header>
        <main>
        <section><h2>Physics checks</h2>\(checksTable)</section>
        <section><h2>Holdout metrics</h2>\(metricsTable)</section>
        <section class="charts"><h2>Charts</h2><div class="grid">\(charts.map { "<figure>\($0)</figure>" }.joined())</div></section>
        <section><h2>Equations</h2><div class="scroll">\(equationsTable)</div></section>
        <section><h2>Fit</h2><div class="scroll">\(fitTable)</div></section>
        <section><h2>Ship calibrations</h2><div class="scroll">\(calibrationTable)</div></section>
        <section><h2>Residuals per vessel (fuel, holdout)</h2>\(vesselTable)</section>
        <section><h2>Training window</h2>\(trainingTable)</section>
        <section><h2>Decision</h2>\(instructions)</section>
        </main></body></html>
        """
    }

    static let style = """
    body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1b2430;background:#f6f8fa}
    header{background:#0b3954;color:#fff;padding:16px 28px}header h1{margin:0 0 6px;font-size:22px}
    .version{opacity:.75}.hash code{font-size:12px;opacity:.85}main{padding:8px 28px 40px}
    section{background:#fff;border:1px solid #d8dee4;border-radius:6px;margin:16px 0;padding:12px 18px}
    h2{font-size:17px;margin:4px 0 10px}table{border-collapse:collapse;width:100%}
    th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #eaeef2;vertical-align:top}
    td.num{text-align:right;font-variant-numeric:tabular-nums}
    .status{padding:2px 8px;border-radius:10px;font-weight:600;text-transform:uppercase;font-size:12px;background:#ddd;color:#222}
    .status.approved{background:#2da44e;color:#fff}.status.rejected{background:#cf222e;color:#fff}
    .status.pending{background:#bf8700;color:#fff}.pass{color:#1a7f37;font-weight:600}.fail{color:#cf222e;font-weight:600}
    .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(460px,1fr));gap:12px}figure{margin:0}
    svg{width:100%;height:auto;font-size:11px;fill:#1b2430}svg .title{font-size:13px;font-weight:600}
    svg .grid{stroke:#e3e8ee}svg .point{fill:#0969da;fill-opacity:.45}svg .bar{fill:#8250df;fill-opacity:.7}
    .scroll{overflow-x:auto}pre{background:#f0f3f6;padding:8px;border-radius:4px;overflow-x:auto}
    """
}
