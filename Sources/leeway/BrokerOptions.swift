import ArgumentParser
import Foundation
import Kafka

/// Where the Kafka cluster is.
struct BrokerOptions: ParsableArguments {
    @Option(name: .long, help: "Bootstrap servers, comma-separated (default: $LEEWAY_BROKERS or 127.0.0.1:9092).")
    var brokers: String?

    @Option(name: .customLong("kafka-property"), parsing: .singleValue,
            help: ArgumentHelp("A librdkafka property for a production cluster, e.g. security.protocol=SASL_SSL (repeatable).",
                               valueName: "name=value"))
    var kafkaProperties: [String] = []

    /// Refuses to start on a librdkafka too old to talk to current brokers.
    func validate() throws {
        guard Librdkafka.isSupported else {
            throw ValidationError("librdkafka \(Librdkafka.version) is loaded; Leeway needs 2.8.0 or newer (run `make deps`)")
        }
    }

    /// The bootstrap servers to use.
    var servers: [String] {
        let value = brokers ?? ProcessInfo.processInfo.environment["LEEWAY_BROKERS"] ?? "127.0.0.1:9092"
        return value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// The pass-through properties as a map.
    func properties() throws -> [String: String] {
        var properties: [String: String] = [:]
        for entry in kafkaProperties {
            guard let equals = entry.firstIndex(of: "="), equals != entry.startIndex else {
                throw ValidationError("--kafka-property expects name=value, got '\(entry)'")
            }
            properties[String(entry[..<equals])] = String(entry[entry.index(after: equals)...])
        }
        return properties
    }
}
