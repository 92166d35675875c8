import Foundation
import KafkaTestSupport

/// One-shot `leeway` commands against the test broker.
enum LeewayCLI {
    /// Runs `leeway <arguments> --brokers <test broker>` and returns its exit status and output.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = ProcessorProcess.binary
        process.arguments = arguments + ["--brokers", TestBroker.bootstrap]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
