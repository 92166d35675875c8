import Foundation

/// Renders a page in headless Chromium (Debian `chromium`) with every host name
/// unresolvable (only 127.0.0.1 is reachable), and reports the console messages, how much
/// of the screenshot is drawn and, for a live page, the DOM after its scripts ran.
public struct HeadlessChromium {
    /// What a rendering showed.
    public struct Rendering: Sendable {
        /// Console messages (any: the report has no scripts, so each one is a fault).
        public var console: [String]
        /// Fraction of pixels that differ from the page background.
        public var inkFraction: Double
        /// Distinct colours in the screenshot.
        public var colours: Int
        /// The DOM once the page settled (``render(url:until:timeout:width:height:)`` only).
        public var dom: String = ""
    }

    /// Renders `html` from a local file.
    public static func render(html: String, width: Int = 1280, height: Int = 2400) throws -> Rendering {
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
        let (ink, colours) = try measure(shot)
        return Rendering(console: console, inkFraction: ink, colours: colours)
    }

    /// Renders the live page at `url` (on 127.0.0.1) through the DevTools protocol: waits
    /// until the JavaScript expression `condition` is true (or `timeout` passes), then takes
    /// the screenshot and the DOM. Console messages, exceptions and failed loads all count.
    /// (A page with an open event stream never finishes loading, so `--screenshot` cannot.)
    public static func render(url: URL, until condition: String, timeout: Duration = .seconds(20),
                              width: Int = 1280, height: Int = 1000) throws -> (rendering: Rendering, settled: Bool) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("leeway-render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let shot = directory.appendingPathComponent("page.png")
        let output = try run("/usr/bin/python3", ["-c", devToolsDriver, url.absoluteString, shot.path, condition,
                                                  String(timeout.components.seconds), String(width), String(height),
                                                  directory.appendingPathComponent("profile").path], separateErrors: true).output
        guard let result = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any] else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "no result from the DevTools driver: \(output.prefix(500))"])
        }
        let (ink, colours) = try measure(shot)
        return (Rendering(console: result["console"] as? [String] ?? [], inkFraction: ink, colours: colours,
                          dom: result["dom"] as? String ?? ""), result["ready"] as? Bool ?? false)
    }

    /// Drives Chromium over `--remote-debugging-pipe` (no WebSocket library needed).
    private static let devToolsDriver = #"""
import base64, json, os, subprocess, sys, time
url, shot, condition, timeout, width, height, profile = sys.argv[1:8]
to_chrome_r, to_chrome_w = os.pipe()
from_chrome_r, from_chrome_w = os.pipe()
def wire():
    os.dup2(to_chrome_r, 3)
    os.dup2(from_chrome_w, 4)
chrome = subprocess.Popen(["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
    "--no-first-run", "--remote-debugging-pipe", "--user-data-dir=" + profile,
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--window-size=%s,%s" % (width, height), "about:blank"],
    preexec_fn=wire, pass_fds=(3, 4), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
os.close(to_chrome_r); os.close(from_chrome_w)
reader = os.fdopen(from_chrome_r, "rb")
pending = b""
console = []
counter = [0]
def receive():
    global pending
    while b"\0" not in pending:
        chunk = os.read(from_chrome_r, 65536)
        if not chunk: raise SystemExit("chromium closed the pipe")
        pending += chunk
    message, pending = pending.split(b"\0", 1)
    return json.loads(message)
def call(method, params=None, session=None):
    counter[0] += 1
    message = {"id": counter[0], "method": method, "params": params or {}}
    if session: message["sessionId"] = session
    os.write(to_chrome_w, json.dumps(message).encode() + b"\0")
    while True:
        reply = receive()
        if reply.get("id") == counter[0]:
            if "error" in reply: raise SystemExit("%s: %s" % (method, reply["error"]))
            return reply["result"]
        kind, params = reply.get("method"), reply.get("params", {})
        if kind == "Runtime.consoleAPICalled":
            console.append("console.%s: %s" % (params["type"], " ".join(str(a.get("value", a.get("description", ""))) for a in params["args"])))
        elif kind == "Runtime.exceptionThrown":
            details = params["exceptionDetails"]
            console.append("exception: %s" % details.get("exception", {}).get("description", details.get("text")))
        elif kind == "Log.entryAdded":
            entry = params["entry"]
            console.append("log.%s: %s %s" % (entry["level"], entry["text"], entry.get("url", "")))
try:
    target = call("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    for domain in ("Runtime.enable", "Log.enable", "Page.enable"): call(domain, session=session)
    call("Emulation.setDeviceMetricsOverride", {"width": int(width), "height": int(height), "deviceScaleFactor": 1, "mobile": False}, session)
    call("Page.navigate", {"url": url}, session)
    deadline, ready = time.time() + float(timeout), False
    while time.time() < deadline:
        value = call("Runtime.evaluate", {"expression": condition, "returnByValue": True}, session).get("result", {}).get("value")
        if value is True: ready = True; break
        time.sleep(0.2)
    png = call("Page.captureScreenshot", {"format": "png"}, session)["data"]
    open(shot, "wb").write(base64.b64decode(png))
    dom = call("Runtime.evaluate", {"expression": "document.documentElement.outerHTML", "returnByValue": True}, session)["result"]["value"]
    print(json.dumps({"ready": ready, "console": console, "dom": dom}))
finally:
    try: call("Browser.close")
    except BaseException: pass
    chrome.wait(timeout=10)
"""#

    /// The screenshot's fraction of pixels off the background colour, and its distinct colours.
    private static func measure(_ shot: URL) throws -> (Double, Int) {
        let measure = try run("/usr/bin/python3", ["-c", """
            import sys
            from PIL import Image
            im = Image.open(sys.argv[1]).convert("RGB")
            pixels = list(im.getdata())
            background = max(set(pixels[:2000]), key=pixels[:2000].count)
            ink = sum(1 for p in pixels if p != background) / len(pixels)
            print(ink, len(set(pixels)))
            """, shot.path]).split(separator: " ")
        return (Double(measure[0]) ?? 0, Int(measure[1].trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0)
    }

    /// Runs a tool, returning its combined output; throws when it fails.
    private static func run(_ tool: String, _ arguments: [String]) throws -> String {
        try run(tool, arguments, separateErrors: false).output
    }

    /// Runs a tool, returning standard output and standard error (merged into output unless
    /// `separateErrors`); throws when it fails.
    private static func run(_ tool: String, _ arguments: [String], separateErrors: Bool) throws -> (output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let out = Pipe(), err = separateErrors ? Pipe() : nil
        process.standardOutput = out
        process.standardError = err ?? out
        try process.run()
        // Drain standard error on the side so neither pipe fills up and blocks the tool.
        let errors = ErrorsBox()
        let drain = err.map { pipe in Thread { errors.text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) } }
        drain?.start()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        while drain?.isFinished == false { Thread.sleep(forTimeInterval: 0.01) }
        guard process.terminationStatus == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "\(tool) exited \(process.terminationStatus): \(output.suffix(2000))\(errors.text.suffix(2000))"])
        }
        return (output, errors.text)
    }

    private final class ErrorsBox: @unchecked Sendable { var text = "" }
}
