import ArgumentParser
import LeewayTopics
import Foundation
import Kafka
import LeewayCore
import LeewayModels
import LeewayPipeline

/// `leeway models`: the registry's versions and the review decisions.
struct ModelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models", abstract: "List, inspect, register, approve and reject model versions.",
        discussion: """
        Every vessel type has one record in the registry topic (leeway.models.v1) with all its versions \
        and every decision about them. Processors serve each type's approved version and switch within \
        seconds of a decision; a type without one is served by its physics baseline.
        """,
        subcommands: [ModelsList.self, ModelsShow.self, ModelsReport.self, ModelsRegister.self, ModelsImport.self, ModelsApprove.self, ModelsReject.self])
}

/// Where the registry is.
struct RegistryOptions: ParsableArguments {
    @OptionGroup var broker: BrokerOptions
    @Option(name: .long, help: "A prefix for the registry topic's name.") var topicPrefix = ""

    func registry() throws -> ModelRegistry {
        var client = KafkaClientConfiguration(bootstrapServers: broker.servers)
        client.clientID = "leeway-models"
        client.properties = try broker.properties()
        client.statisticsInterval = nil
        return ModelRegistry(client: client, topic: topicPrefix + "leeway.models.v1")
    }

    func record(_ type: VesselType) async throws -> RegistryRecord {
        guard let record = try await registry().records()[type], !record.versions.isEmpty else {
            throw ValidationError("no model versions registered for \(type.rawValue)")
        }
        return record
    }
}

extension VesselType: ExpressibleByArgument {}

/// `leeway models list`.
struct ModelsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Every type's versions, status and holdout quality.")
    @OptionGroup var options: RegistryOptions

    func run() async throws {
        let records = try await options.registry().records()
        guard !records.isEmpty else {
            print("no models registered: every vessel type is served by its physics baseline")
            return
        }
        print(["type", "version", "status", "fuel R²", "fuel MAE t/h", "checks", "created", "decided by", "hash"]
            .joined(separator: "\t"))
        for type in VesselType.allCases {
            for artifact in records[type]?.versions ?? [] {
                let fuel = artifact.metrics.first { $0.target == "fuel_rate_tph" }
                let checks = "\(artifact.checks.filter(\.passed).count)/\(artifact.checks.count)"
                let decidedBy = records[type]?.decisions.last { $0.version == artifact.version }?.by ?? ""
                print([type.rawValue, "\(artifact.version)", artifact.status.rawValue,
                       fuel.map { String(format: "%.4f", $0.rSquared) } ?? "-", fuel.map { String(format: "%.4f", $0.mae) } ?? "-",
                       checks, artifact.createdAt, decidedBy, String(artifact.contentHash.prefix(12))].joined(separator: "\t"))
            }
        }
    }
}

/// `leeway models show`.
struct ModelsShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print a version's artifact JSON, or a type's decisions.")
    @OptionGroup var options: RegistryOptions
    @Argument(help: "The vessel type.") var type: VesselType
    @Argument(help: "The version (default: the type's decision history).") var version: Int?

    func run() async throws {
        let record = try await options.record(type)
        guard let version else {
            for decision in record.decisions {
                print("\(decision.at)\tv\(decision.version)\t\(decision.status.rawValue)\t\(decision.by)\t\(decision.reason ?? "")")
            }
            return
        }
        guard let artifact = record.artifact(version) else { throw ValidationError("\(type.rawValue) has no version \(version)") }
        print(String(decoding: artifact.encoded(), as: UTF8.self))
    }
}
