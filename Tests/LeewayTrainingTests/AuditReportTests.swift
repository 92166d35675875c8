import Foundation
import LeewayCore
@testable import LeewayModels
import BrowserTestSupport
import Testing
@testable import LeewayTraining

@Suite struct AuditReportTests {
    @Test func theHarnessSeesConsoleErrorsAndBlankPages() throws {
        let broken = try HeadlessChromium.render(html: "<html><body><script>throw new Error('boom')</script></body></html>",
                                                 width: 400, height: 300)
        #expect(broken.console.contains { $0.contains("Uncaught Error: boom") })
        #expect(broken.inkFraction < 0.001)
    }

    @Test func theLivePageHarnessSeesExceptionsConsoleAndWaits() throws {
        let page = FileManager.default.temporaryDirectory.appendingPathComponent("leeway-harness-\(UUID().uuidString).html")
        try """
            <html><body><p id="late"></p><script>
            console.warn("careful");
            setTimeout(() => { document.getElementById("late").textContent = "drawn"; throw new Error("boom"); }, 500);
            </script></body></html>
            """.write(to: page, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: page) }
        let (rendering, settled) = try HeadlessChromium.render(url: page, until: #"document.getElementById("late").textContent === "drawn""#,
                                                               timeout: .seconds(10), width: 400, height: 300)
        #expect(settled)
        #expect(rendering.dom.contains(">drawn<"))
        #expect(rendering.console.contains { $0.contains("careful") })
        #expect(rendering.console.contains { $0.contains("Error: boom") }, "\(rendering.console)")
        let (_, never) = try HeadlessChromium.render(url: page, until: "false", timeout: .seconds(2), width: 400, height: 300)
        #expect(!never)
    }

    @Test func theReportRendersChartsWithoutConsoleErrorsOrNetwork() throws {
        var artifact = TrainingData.tanker.artifact
        artifact.version = 3
        let page = AuditReport(artifact).html()
        #expect(page.components(separatedBy: "<svg").count - 1 == 4)
        for fetch in ["src=", "href=", "url(", "@import"] { #expect(!page.contains(fetch), "the page would fetch: \(fetch)") }
        #expect(!page.contains("<script"))
        for check in artifact.checks { #expect(page.contains(check.name)) }
        #expect(page.contains("leeway models approve tanker 3"))
        let rendering = try HeadlessChromium.render(html: page)
        print("report: ink \(rendering.inkFraction), colours \(rendering.colours), bytes \(page.utf8.count)")
        #expect(rendering.console.isEmpty, "\(rendering.console)")
        #expect(rendering.inkFraction > 0.05)
        #expect(rendering.colours > 50)
    }

    @Test func hostileTextIsEscaped() {
        var artifact = TrainingArtifact.make()
        artifact.notes = nil
        artifact.training.source = "<script>alert(1)</script>"
        artifact.diagnostics = ModelDiagnostics(samples: [], residualHistogram: .init(lower: -15, width: 1, counts: []),
                                                vessels: [.init(vesselId: "a\"<b>", records: 1, bias: 0, relativeBias: 0, rmse: 0)])
        let page = AuditReport(artifact).html()
        #expect(!page.contains("<script>alert"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.contains("a&quot;&lt;b&gt;"))
    }
}
