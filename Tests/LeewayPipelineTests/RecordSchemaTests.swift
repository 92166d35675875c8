import Foundation
import LeewayCore
import LeewayModels
import LeewaySimulator
import LeewayTraining
import Testing

/// The records the processor publishes validate against the schemas in `topics/schemas`
/// (checked by Python's `jsonschema`, Draft 2020-12, which `make deps` installs).
@Suite("Published records match their schemas")
struct RecordSchemaTests {
    static let schemas = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("topics/schemas")

    @Test("predictions and features from a simulated fleet (with gaps, late and missing fields) validate")
    func recordsValidate() throws {
        var configuration = FleetSimulator.Configuration()
        configuration.vessels = 24
        configuration.satelliteLinks = true
        configuration.intervalSeconds = 300
        var fleet = FleetSimulator(configuration)
        let pass = VesselPass(featuresEvery: .seconds(3600))
        var states: [String: VesselState] = [:]
        var predictions: [[UInt8]] = [], features: [[UInt8]] = []
        for offset in 0..<6_000 {
            guard var report = fleet.next().telemetry else { continue }
            if offset % 7 == 0 { report[.draft] = nil }
            if offset % 11 == 0 { report[.daysSinceHullCleaning] = nil }
            let id = report.vesselID
            let outcome = pass.run(report, offset: Int64(offset), ingestedAt: report.eventTime,
                                   state: &states[id, default: VesselState(vesselID: id, vesselType: report.vesselType)])
            if let prediction = outcome.prediction { predictions.append(prediction.json) }
            if offset % 13 == 0, var fallback = outcome.prediction {
                fallback.quality.insert(.fallbackModel)
                predictions.append(fallback.json)
            }
            if outcome.publishFeatures { features.append(states[id]!.featuresJSON) }
        }
        features.append(VesselState(vesselID: "IMO9999999", vesselType: .other).featuresJSON)   // nothing observed yet
        #expect(predictions.count > 5_000 && features.count > 100)
        try Self.validate(predictions, against: "prediction.v1.schema.json")
        try Self.validate(features, against: "features.v1.schema.json")
    }

    @Test("alert records, firing and resolved, validate")
    func alertsValidate() throws {
        let labels = DriftAlert.Labels(alertname: "FuelResidualDrift", severity: .critical, vesselType: .bulk, vesselID: nil,
                                       model: "bulk-physics-baseline", modelVersion: 0, feature: "fuel_rate_tph", detector: "psi")
        let annotations = DriftAlert.Annotations(summary: "Fuel \"high\"\n", statistic: 0.31, threshold: 0.25, window: "24h",
                                                 referencePeriod: "2026-10-01/2026-11-01", runbookURL: "https://leeway.dev/runbooks/psi",
                                                 reportURL: "http://localhost:8080/v1/models/bulk/1/report")
        let start = EventTime(seconds: 1_796_025_600)
        let firing = DriftAlert(labels: labels, annotations: annotations, startsAt: start, endsAt: nil, status: .firing)
        let resolved = DriftAlert(labels: labels, annotations: annotations, startsAt: start,
                                  endsAt: EventTime(seconds: 1_796_029_200), status: .resolved)
        // Every kind the processor and the monitor raise, firing and resolved.
        let fired = AlertLifecycle.Transition.fired(startsAt: start, severity: .warning)
        let ended = AlertLifecycle.Transition.resolved(startsAt: start, endsAt: EventTime(seconds: 1_796_029_200), severity: .critical)
        var vessel = VesselState(vesselID: "IMO9100001", vesselType: .tanker)
        vessel.lastEventTime = start
        let model = ModelIdentity(name: "tanker-linear-physics", version: 2, kind: "linear-physics")
        let references = DriftReferences(model: model, period: "2026-11-01T00:00:00Z/2026-11-20T00:00:00Z", distributions: [:])
        var kinds: [DriftAlert] = []
        for transition in [fired, ended] {
            kinds.append(.fuelResidual(transition, vessel: vessel, model: model, settings: .init(), relativeDeviation: 0.02))
            kinds.append(.stuckSensor(transition, field: .fuelRate, vessel: vessel, model: model))
            kinds.append(.speedLog(transition, vessel: vessel, model: model))
            kinds.append(.outOfRangeSpike(transition, type: .bulk, rate: OutOfRangeRate(), settings: .init()))
            kinds.append(.dataDrift(transition, type: .tanker, regime: OperatingRegime(loading: .laden, speedBand: .economical),
                                    target: .fuelRate, watch: DataDriftWatch(), references: references, settings: .init()))
        }
        kinds.append(.staleTelemetry(vessel, after: .seconds(21_600), resumedAt: nil))
        let onnx = ModelIdentity(name: "tanker-onnx", version: 3, kind: "onnx")
        kinds.append(.modelServiceDown(.tanker, model: onnx, since: start, reason: "ONNX Runtime: \"bad\" input", failedBatches: 4))
        kinds.append(.modelServiceDown(.tanker, model: onnx, since: start, reason: "timeout", failedBatches: 4,
                                       resumedAt: EventTime(seconds: 1_796_029_200)))
        try Self.validate([firing.json, resolved.json] + kinds.map(\.json), against: "alert.v1.schema.json")
    }

    @Test("a trained artifact and a registry record with decisions validate; a broken one does not")
    func modelsValidate() throws {
        let set = TrainingSet(TrainingSimulation.reports, type: .tanker, assumedDraft: 15)
        let artifact = try Trainer(type: .tanker).train(set, source: "simulator", createdAt: "2026-11-29T12:00:00Z").artifact
        var record = RegistryRecord(vesselType: .tanker)
        _ = try record.register(artifact, at: "2026-11-29T12:00:00Z")
        _ = try record.register(artifact, at: "2026-11-29T12:05:00Z")
        try record.approve(1, by: "ana", at: "2026-11-29T13:00:00Z", notes: "fits the fleet")
        try record.approve(2, by: "ben", at: "2026-11-29T14:00:00Z", notes: nil)
        // Artifacts are indented for review; JSON lines need them on one line (strings hold no raw newlines).
        func line(_ artifact: ModelArtifact) -> [UInt8] { artifact.encoded().map { $0 == 0x0A ? 0x20 : $0 } }
        try Self.validate([line(artifact)], against: "model-artifact.v1.schema.json")
        try Self.validate([record.encoded()], against: "model.v1.schema.json")
        var broken = artifact
        broken.features = ["stw_kn^4"]
        try Self.validate([line(broken)], against: "model-artifact.v1.schema.json", expectValid: false)
    }

    /// Checks each record (one JSON document, no newline inside) against `schema`.
    static func validate(_ records: [[UInt8]], against schema: String, expectValid: Bool = true) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("leeway-\(UUID()).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(records.map { $0 + [0x0A] }.joined()).write(to: file)
        let script = """
        import glob, json, os, sys, warnings, jsonschema
        warnings.simplefilter("ignore", DeprecationWarning)
        schema = json.load(open(sys.argv[1]))
        store = {s["$id"]: s for s in (json.load(open(f)) for f in glob.glob(os.path.join(os.path.dirname(sys.argv[1]), "*.json")))}
        resolver = jsonschema.RefResolver.from_schema(schema, store=store)
        validator = jsonschema.Draft202012Validator(schema, resolver=resolver, format_checker=jsonschema.FormatChecker())
        bad = 0
        for number, line in enumerate(open(sys.argv[2]), 1):
            for error in validator.iter_errors(json.loads(line)):
                bad += 1
                if bad <= 5: print(f"record {number}: {error.json_path}: {error.message}")
        sys.exit(1 if bad else 0)
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, Self.schemas.appendingPathComponent(schema).path, file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect((process.terminationStatus == 0) == expectValid, "\(schema): \(text)")
    }
}
