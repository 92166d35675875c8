import ArgumentParser
import Foundation
import LeewayCore
import LeewayModels
import LeewayTopics

/// Where `leeway train` and `leeway models import` write an artifact and its audit report,
/// and what they print about it.
struct ArtifactOutput {
    /// The directory.
    var directory: String

    /// Registers `artifact` as its type's next version when `registry` is given, then writes
    /// and prints it (``write(_:registered:)``).
    func publish(_ artifact: ModelArtifact, to registry: ModelRegistry?) async throws {
        var artifact = artifact
        if let registry {
            let time = "\(EventTime.now)", fitted = artifact
            artifact.version = try await registry.update(artifact.vesselType) { record in try record.register(fitted, at: time) }
            artifact.status = artifact.passedChecks ? .pending : .rejected
        }
        try write(artifact, registered: registry != nil)
    }

    /// Writes `<type>-v<N>` (registered) or `<type>-<hash>` .json and .html, prints the holdout
    /// metrics, the checks and the registration, and exits 3 when a check failed.
    func write(_ artifact: ModelArtifact, registered: Bool) throws {
        let type = artifact.vesselType.rawValue
        let stem = registered ? "\(type)-v\(artifact.version)" : "\(type)-\(artifact.contentHash.prefix(12))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let json = (directory as NSString).appendingPathComponent(stem + ".json")
        let page = (directory as NSString).appendingPathComponent(stem + ".html")
        try artifact.encoded().write(to: URL(fileURLWithPath: json))
        try AuditReport(artifact).html().write(toFile: page, atomically: true, encoding: .utf8)
        for metric in artifact.metrics {
            print("holdout \(metric.target): MAE \(String(format: "%.4g", metric.mae)), RMSE \(String(format: "%.4g", metric.rmse)), R² \(String(format: "%.4f", metric.rSquared))")
        }
        for check in artifact.checks { print("\(check.passed ? "pass" : "FAIL") \(check.name): \(check.detail)") }
        print("wrote \(json) and \(page)")
        if registered { printRegistration(artifact, version: artifact.version) }
        if !artifact.passedChecks { throw ExitCode(3) }
    }
}
