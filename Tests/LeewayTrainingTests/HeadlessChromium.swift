import Foundation

/// Renders a local page in headless Chromium (Debian `chromium`) with every host name
/// unresolvable, and reports the console messages and how much of the screenshot is drawn.
struct HeadlessChromium {
    struct Rendering {
        /// Console messages (any: the report has no scripts, so each one is a fault).
        var console: [String]
        /// Fraction of pixels that differ from the page background.
        var inkFraction: Double
        /// Distinct colours in the screenshot.
        var colours: Int
    }

    static func render(html: String, width: Int = 1280, height: Int = 2400) throws -> Rendering {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("leeway-render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("page.html"), shot = directory.appendingPathComponent("page.png")
        try html.write(to: page, atomically: true, encoding: .utf8)
        let log = try run("/usr/bin/chromium", [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--user-data-dir=\(directory.appendingPathComponent("profile").path)", "--host-resolver-rules=MAP * ~NOTFOUND",
            "--window-size=\(width),\(height)", "--enable-logging=stderr", "--v=0", "--screenshot=\(shot.path)", page.absoluteString,
        ])
        let console = log.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
        let measure = try run("/usr/bin/python3", ["-c", """
            import sys
            from PIL import Image
            im = Image.open(sys.argv[1]).convert("RGB")
            pixels = list(im.getdata())
            background = max(set(pixels[:2000]), key=pixels[:2000].count)
            ink = sum(1 for p in pixels if p != background) / len(pixels)
            print(ink, len(set(pixels)))
            """, shot.path]).split(separator: " ")
        return Rendering(console: console, inkFraction: Double(measure[0]) ?? 0,
                         colours: Int(measure[1].trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0)
    }

    /// Runs a tool, returning its combined output; throws when it fails.
    private static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: output, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "\(tool) exited \(process.terminationStatus): \(text.suffix(2000))"])
        }
        return text
    }
}
