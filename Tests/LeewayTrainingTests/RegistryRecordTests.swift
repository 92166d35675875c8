import Foundation
import LeewayCore
import Testing
@testable import LeewayModels

@Suite struct RegistryRecordTests {
    @Test func sha256MatchesThePublishedVectors() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func approvalRetiresThePreviousVersionAndOlderApprovalRollsBack() throws {
        let artifact = TrainingArtifact.make()
        var record = RegistryRecord(vesselType: .tanker)
        let first = try record.register(artifact, at: "2026-11-29T10:00:00Z")
        let second = try record.register(artifact, at: "2026-11-29T11:00:00Z")
        #expect((first, second) == (1, 2))
        #expect(record.serving == nil)
        try record.approve(1, by: "ana", at: "2026-11-29T12:00:00Z", notes: "first fit")
        try record.approve(2, by: "ben", at: "2026-11-29T13:00:00Z", notes: nil)
        #expect(record.serving?.version == 2 && record.artifact(1)?.status == .retired)
        try record.approve(1, by: "ana", at: "2026-11-29T14:00:00Z", notes: "rollback")
        #expect(record.serving?.version == 1 && record.serving?.approvedBy == "ana" && record.artifact(2)?.status == .retired)
        try record.reject(1, by: "ana", at: "2026-11-29T15:00:00Z", reason: "meter recalibrated")
        #expect(record.serving == nil)
        #expect(record.decisions.map(\.status) == [.pending, .pending, .approved, .retired, .approved, .retired, .approved, .rejected])
        #expect(throws: RegistryError.unknownVersion(.tanker, 9)) { try record.approve(9, by: "ana", at: "t", notes: nil) }
        #expect(throws: RegistryError.anonymous) { try record.approve(2, by: "", at: "t", notes: nil) }

        let decoded = try RegistryRecord.decode(record.encoded())
        #expect(decoded == record)
    }

    @Test func anAlteredArtifactIsRefused() throws {
        var artifact = TrainingArtifact.make()
        artifact.targets[0].coefficients[0] *= 2
        #expect(throws: ArtifactError.self) { try artifact.servingModel() }
        var record = RegistryRecord(vesselType: .tanker)
        #expect(throws: RegistryError.self) { try record.register(artifact, at: "t") }
        #expect(throws: ArtifactError.self) { try ModelArtifact.decode(Data("{\"name\": 3}".utf8)) }
        do {
            _ = try ModelArtifact.decode(Data("{\"name\": \"x\"}".utf8))
        } catch {
            #expect("\(error)".contains("missing member"))
        }
    }
}

@Suite struct ApprovedModelTests {
    @Test func anArtifactWithFailedChecksNeverServesWhateverItsStatus() throws {
        var artifact = TrainingArtifact.make()
        #expect(try artifact.approvedModel().identity.name == "tanker-linear-physics")
        artifact.checks.append(CheckResult(name: "speed_exponent", passed: false, detail: "slope 1.2"))
        artifact.status = .approved
        artifact.contentHash = artifact.computedContentHash
        #expect(throws: ArtifactError.failedChecks(["speed_exponent"])) { try artifact.approvedModel() }
        #expect(try artifact.servingModel().identity.version == 0, "the checks themselves can still run it")
    }
}

/// A small hand-made artifact (the training tests fit real ones).
enum TrainingArtifact {
    static func make() -> ModelArtifact {
        var artifact = ModelArtifact(
            name: "tanker-linear-physics", vesselType: .tanker, version: 0, kind: "linear-physics",
            features: [PhysicsTerm.admiralty.rawValue],
            targets: [TargetEquation(name: "fuel_rate_tph", unit: "t/h", intercept: 0.01, coefficients: [0.00013],
                                     residualStd: 0.02, relativeResidualStd: 0.015)],
            assumedDraftM: 15, training: TrainingWindow(source: "test", from: "2026-11-01T00:00:00Z", to: "2026-11-28T00:00:00Z",
                                                       holdoutFrom: "2026-11-22T00:00:00Z", records: 100, holdoutRecords: 25, vessels: 2),
            metrics: [], references: [:], checks: [CheckResult(name: "fuel_positive", passed: true, detail: "ok")],
            status: .pending, createdAt: "2026-11-29T00:00:00Z", contentHash: "")
        artifact.contentHash = artifact.computedContentHash
        return artifact
    }
}

@Suite struct ArtifactNumberTests {
    @Test func aNonFiniteCoefficientIsWrittenVisiblyAndRefused() throws {
        var artifact = TrainingArtifact.make()
        artifact.targets[0].coefficients[0] = .nan
        artifact.contentHash = artifact.computedContentHash
        let json = String(decoding: artifact.encoded(), as: UTF8.self)
        #expect(json.contains("\"NaN\""))
        let back = try ModelArtifact.decode(artifact.encoded())
        #expect(back.targets[0].coefficients[0].isNaN)
        #expect(throws: ArtifactError.nonFinite("a number of target fuel_rate_tph")) { try back.servingModel() }
        var record = RegistryRecord(vesselType: .tanker)
        #expect(throws: RegistryError.invalidArtifact(.nonFinite("a number of target fuel_rate_tph"))) {
            try record.register(back, at: "2026-11-29T10:00:00Z")
        }
    }
}
