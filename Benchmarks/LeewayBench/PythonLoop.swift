import Foundation
import Synchronization

/// The plain Python baseline (`Benchmarks/baselines/python_loop.py` in the `.deps/bench`
/// venv) as a child process: started by ``run(brokers:input:output:deadLetters:group:)``, stopped with
/// SIGTERM when the task is cancelled; its CPU seconds are what it printed on the way out.
final class PythonLoop: Sendable {
    static let python = ".deps/bench/bin/python"
    static let script = "Benchmarks/baselines/python_loop.py"

    /// Whether `make deps` installed the baseline's venv.
    static var isInstalled: Bool {
        FileManager.default.isExecutableFile(atPath: python) && FileManager.default.fileExists(atPath: script)
    }

    /// The CPU seconds the loop reported when it stopped.
    let cpuSeconds = Mutex<Double?>(nil)

    /// Runs the loop until cancelled.
    func run(brokers: String, input: String, output: String, deadLetters: String, group: String) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = [Self.script, brokers, input, output, deadLetters, group]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.standardError
        let exited = AsyncStream<Int32>.makeStream()
        process.terminationHandler = { exited.continuation.yield($0.terminationStatus); exited.continuation.finish() }
        try process.run()
        let pid = process.processIdentifier
        await withTaskCancellationHandler {
            for await _ in exited.stream {}
        } onCancel: {
            kill(pid, SIGTERM)
        }
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let cpu = text.split(separator: "\n").first { $0.hasPrefix("cpu_seconds=") }.flatMap { Double($0.dropFirst("cpu_seconds=".count)) }
        cpuSeconds.withLock { $0 = cpu }
    }
}
