import ArgumentParser
import Foundation
import Kafka
import LeewayCore
import LeewayPipeline

/// `leeway ingest`: bring outside telemetry onto the telemetry topic.
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest", abstract: "Produce outside data as telemetry v1.", subcommands: [AISIngestCommand.self])
}

/// `leeway ingest ais`: real vessels from AIS, as NMEA 0183 or MarineCadastre CSV.
struct AISIngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ais", abstract: "Decode AIS (NMEA with tag blocks, or MarineCadastre CSV) and produce telemetry.")

    @OptionGroup var broker: BrokerOptions

    @Option(name: .long, help: "The input file, or - for standard input.")
    var file: String?

    @Option(name: .long, help: "An AIS receiver's TCP feed, host:port (read until it closes).")
    var tcp: String?

    @Option(name: .long, help: "nmea or csv (default: from the file extension, .csv is csv).")
    var format: String?

    @Option(name: .long, help: "The telemetry topic.")
    var topic = "fleet.telemetry.v1"

    func validate() throws {
        guard (file == nil) != (tcp == nil) else { throw ValidationError("give exactly one of --file and --tcp") }
    }

    func run() async throws {
        let chosen = format ?? (file?.hasSuffix(".csv") == true ? "csv" : "nmea")
        guard let format = AISIngest.Format(rawValue: chosen) else {
            throw ValidationError("--format must be one of \(AISIngest.Format.allCases.map(\.rawValue).joined(separator: ", ")), got \(chosen)")
        }
        var configuration = KafkaProducerConfiguration(bootstrapServers: broker.servers)
        configuration.client.clientID = "leeway-ingest-ais"
        configuration.client.properties = try broker.properties()
        let producer = try KafkaProducer(configuration: configuration)
        let started = ContinuousClock.now
        let summary: AISIngest.Summary
        if let tcp {
            guard let colon = tcp.lastIndex(of: ":"), let port = Int(tcp[tcp.index(after: colon)...]) else {
                throw ValidationError("--tcp expects host:port, got \(tcp)")
            }
            summary = try await AISIngest(topic: topic).run(tcpHost: String(tcp[..<colon]), port: port, format: format, producer: producer)
        } else {
            summary = try await AISIngest(topic: topic).run(try readInput(file ?? "-"), format: format, producer: producer)
        }
        try await producer.flush(timeout: .seconds(60))
        await producer.close()
        let report = summary.report
        print("read \(report.lines) lines in \(ContinuousClock.now - started); produced \(summary.produced) telemetry records to \(topic)")
        if !report.decodedByType.isEmpty {
            print("decoded by AIS type: " + report.decodedByType.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", "))
        }
        if report.skippedLines > 0 { print("not AIS (comments, signal reports): \(report.skippedLines)") }
        if !report.failures.isEmpty {
            print("not used, by reason: " + report.failures.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", "))
        }
    }

    private func readInput(_ file: String) throws -> String {
        if file == "-" { return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) }
        guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
        return String(decoding: data, as: UTF8.self)
    }
}
