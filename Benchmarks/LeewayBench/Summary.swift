import Synchronization

/// Every figure of one `make bench` run, printed together at the end with the command that
/// measures it alone.
final class Summary: Sendable {
    static let shared = Summary()
    private let rows = Mutex<[(figure: String, value: String, only: String)]>([])

    /// Records `value` for `figure`, measured by `--only only`.
    func add(_ figure: String, _ value: String, only: String) {
        rows.withLock { $0.append((figure, value, only)) }
    }

    /// The table.
    func print() {
        let all = rows.withLock { $0 }
        guard !all.isEmpty else { return }
        Swift.print("")
        Swift.print("## Summary")
        Swift.print("")
        Swift.print("| figure | value | command |")
        Swift.print("|---|---:|---|")
        for row in all { Swift.print("| \(row.figure) | \(row.value) | `make bench BENCH_FLAGS=\"--only \(row.only)\"` |") }
    }
}
