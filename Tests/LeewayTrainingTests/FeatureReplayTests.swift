import Foundation
import LeewayCore
import LeewaySimulator
import Testing
@testable import LeewayTraining

/// Training replays history through the processor's feature updater: the vector a model is
/// fitted on equals the one the processor builds for the same report in service.
@Suite struct FeatureReplayTests {
    @Test func trainingVectorsEqualTheLivePassVectorsReportByReport() throws {
        var configuration = FleetSimulator.Configuration()
        configuration.vessels = 12
        configuration.seed = 3
        configuration.intervalSeconds = 300
        configuration.satelliteLinks = true
        configuration.types = [.tanker, .container, .cruise]
        var simulator = FleetSimulator(configuration)
        let reports = (0..<12 * 500).compactMap { _ in simulator.next().telemetry }

        // The processor: one pass per report, in the order read.
        let pass = VesselPass()
        let layout = InputLayout(ModelInput.ordered)
        var states: [String: VesselState] = [:]
        var live: [String: [Double]] = [:]
        for (offset, report) in reports.enumerated() {
            let id = report.vesselID
            let outcome = pass.run(report, offset: Int64(offset), ingestedAt: report.eventTime,
                                   state: &states[id, default: VesselState(vesselID: id, vesselType: report.vesselType)])
            if outcome.admission == .applied, report.vesselType == .tanker {
                live["\(id) \(report.eventTime.microseconds)"] = layout.vector(report, state: states[id]!)
            }
        }
        let set = TrainingSet(reports, type: .tanker, assumedDraft: 15)
        let rows = set.fitting + set.holdout
        #expect(rows.count > 500)
        var vessel = 0
        for row in rows {
            let served = try #require(live["\(row.vesselID) \(row.eventTime.microseconds)"], "no live pass for \(row.vesselID) at \(row.eventTime)")
            #expect(zip(row.features, served).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }, "\(row.vesselID) \(row.eventTime)")
            if row.features[layout.index(of: .ewmaSpeedThroughWater)!].isFinite { vessel += 1 }
        }
        // The vessel's own features are really there, not only the report's.
        #expect(vessel == rows.count)
    }

    @Test func theCatalogueNamesAreUniqueDocumentedAndListedInTheDocs() throws {
        let names = FeatureCatalogue.entries.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(FeatureCatalogue.entries.allSatisfy { !$0.description.isEmpty && !$0.unit.isEmpty })
        #expect(throws: FeatureCatalogue.UnknownInput(name: "stw")) { try FeatureCatalogue.inputs(named: ["stw_kn", "stw"]) }
        let docs = try String(contentsOfFile: #filePath.replacingOccurrences(of: "Tests/LeewayTrainingTests/FeatureReplayTests.swift", with: "docs/feature-catalogue.md"), encoding: .utf8)
        for name in names { #expect(docs.contains("`\(name)`"), "docs/feature-catalogue.md does not list \(name)") }
        #expect(docs.contains(FeatureCatalogue.version))
    }
}
