import Foundation

/// A `leeway` child process: killable with SIGKILL, stoppable with SIGTERM; its log in a file.
final class LeewayProcess {
    let process = Process()
    let logURL: URL
    private let lifeline = Pipe()

    init(binary: URL, arguments: [String], log name: String) throws {
        logURL = FileManager.default.temporaryDirectory.appendingPathComponent("leeway-chaos-\(name).log")
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let log = try FileHandle(forWritingTo: logURL)
        log.seekToEndOfFile()
        process.executableURL = binary
        // If the harness dies, the closed pipe stops the child (--exit-on-stdin-close).
        process.arguments = arguments + ["--exit-on-stdin-close"]
        process.standardOutput = log
        process.standardError = log
        process.standardInput = lifeline
        try process.run()
    }

    var log: String { (try? String(contentsOf: logURL, encoding: .utf8)) ?? "" }
    var pid: Int32 { process.processIdentifier }

    /// The last line the process logged at error level or above (its reason for stopping).
    var lastError: String? {
        log.split(separator: "\n").last { $0.contains(" error ") || $0.contains(" critical ") || $0.hasPrefix("Error:") }.map(String.init)
    }

    func waitForLog(_ text: String, count: Int = 1, timeout: Duration = .seconds(120)) async throws {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while log.components(separatedBy: text).count - 1 < count {
            guard process.isRunning, ContinuousClock.now < deadline else {
                throw ChaosError("\"\(text)\" did not appear in \(logURL.path)")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func stop() async -> Int32 {
        process.terminate()
        while process.isRunning { try? await Task.sleep(for: .milliseconds(50)) }
        return process.terminationStatus
    }

    deinit { if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) } }
}
