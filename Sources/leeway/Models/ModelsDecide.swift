import ArgumentParser
import Foundation
import LeewayCore
import LeewayModels

/// `leeway models approve`.
struct ModelsApprove: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve", abstract: "Serve a version (retiring the one serving now; an older version is a rollback).")
    @OptionGroup var options: RegistryOptions
    @Argument(help: "The vessel type.") var type: VesselType
    @Argument(help: "The version.") var version: Int
    @Option(name: .long, help: "Who approves (recorded in the audit trail).") var by: String
    @Option(name: .long, help: "Why.") var notes: String?

    func run() async throws {
        let time = "\(EventTime.now)"
        try await options.registry().update(type) { record in
            try record.approve(version, by: by, at: time, notes: notes)
        }
        print("approved \(type.rawValue) v\(version) by \(by); running processors switch to it at their next registry refresh")
    }
}

/// `leeway models reject`.
struct ModelsReject: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject", abstract: "Refuse a version; if it was serving, the type falls back to its physics baseline.")
    @OptionGroup var options: RegistryOptions
    @Argument(help: "The vessel type.") var type: VesselType
    @Argument(help: "The version.") var version: Int
    @Option(name: .long, help: "Who rejects (recorded in the audit trail).") var by: String
    @Option(name: .long, help: "Why.") var reason: String

    func run() async throws {
        let time = "\(EventTime.now)"
        try await options.registry().update(type) { record in
            try record.reject(version, by: by, at: time, reason: reason)
        }
        print("rejected \(type.rawValue) v\(version) by \(by)")
    }
}
