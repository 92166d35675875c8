import Foundation
import KafkaTestSupport
import ProcessTestSupport

/// One-shot `leeway` commands against the test broker.
enum LeewayCLI {
    /// Runs `leeway <arguments> --brokers <test broker>` and returns its exit status and output.
    static func run(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        try await ChildProcess.run(ProcessorProcess.binary, arguments + ["--brokers", TestBroker.bootstrap])
    }
}
