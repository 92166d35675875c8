import Foundation

/// One line of `make chaos`: what was done and what it cost.
struct ChaosRow {
    var scenario: String
    var recordsIn: Int
    var recordsOut: Int
    var lost: Int
    var duplicated: Int
    var recovery: String
    var note: String
    /// A promise other than "nothing lost" that the scenario broke (the note says which).
    var broken = false

    static let header = """
        | scenario | records in | records out | lost | duplicated | time to recover | notes |
        |---|---:|---:|---:|---:|---|---|
        """

    var line: String {
        "| \(scenario) | \(recordsIn) | \(recordsOut) | \(lost) | \(duplicated) | \(recovery) | \(note) |"
    }

    /// Whether the scenario kept its promises (nothing lost, nothing broken).
    var passed: Bool { lost == 0 && !broken }
}

/// Prints a line at once (standard output to a file or pipe is otherwise block-buffered).
func say(_ line: String = "") {
    print(line)
    fflush(nil)
}
