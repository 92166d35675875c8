import Foundation
import Synchronization

/// A one-line progress counter on standard error, redrawn at most ten times a second and
/// only when standard error is a terminal.
final class ProgressLine: Sendable {
    private let label: String
    private let last = Mutex<(shown: ContinuousClock.Instant, count: Int)>((.now, 0))
    private let isTerminal = isatty(STDERR_FILENO) != 0

    init(label: String) { self.label = label }

    func update(_ count: Int) {
        let due = last.withLock { last in
            last.count = count
            guard ContinuousClock.now - last.shown >= .milliseconds(100) else { return false }
            last.shown = .now
            return true
        }
        if due && isTerminal { draw(count) }
    }

    func finish() {
        guard isTerminal else { return }
        draw(last.withLock { $0.count })
        FileHandle.standardError.write(Data("\n".utf8))
    }

    private func draw(_ count: Int) {
        let bar = String(repeating: "█", count: min(30, count / 10_000 % 31))
        FileHandle.standardError.write(Data("\r\(label): \(count) records \(bar)\u{1B}[K".utf8))
    }
}
