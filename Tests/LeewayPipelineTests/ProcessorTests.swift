import Foundation
import LeewayTopics
import Kafka
import KafkaTestSupport
import LeewayCore
import LeewayPipeline
import LeewaySimulator
import ServiceLifecycle
import Testing

@Suite("Processor through the broker", .timeLimit(.minutes(4)))
struct ProcessorTests {
    @Test("simulator → processor: one prediction per valid report; late, duplicate and bad records handled as specified")
    func everyValidReportPredictedOnce() async throws {
        let fleet = FleetRecords(vessels: 30, count: 12_000, seed: 11)
        #expect(fleet.late > 0 && fleet.duplicates > 0 && fleet.bad > 0, "the traffic must exercise every case")
        let pipeline = try await PipelineFixture.make("proc")
        try await pipeline.produce(fleet.records)
        try await ProcessorRun.inProcess(pipeline) { try await pipeline.waitUntilCommitted() }

        let predictions = try await pipeline.readAll(pipeline.topics.predictions)
        var seen: [String: Int] = [:]
        for record in predictions {
            let json = try #require(try JSONSerialization.jsonObject(with: Data(record.value ?? [])) as? [String: Any])
            let key = "\(json["vessel_id"] as? String ?? "?") \(json["ts"] as? String ?? "?")"
            seen[key, default: 0] += 1
            #expect(record.key == Array((json["vessel_id"] as? String ?? "").utf8))
            #expect(record.headers.string("leeway.schema") == "prediction.v1")
            #expect(record.headers.string("leeway.model.version") == "0")
            // The fixture stamps each report with its event time; its prediction carries that stamp.
            let eventTime = try #require(EventTime(rfc3339: json["ts"] as? String ?? ""))
            #expect(record.timestampMilliseconds == eventTime.microseconds / 1000, "the report's Kafka timestamp, propagated")
        }
        #expect(Set(seen.keys) == fleet.predicted)
        #expect(seen.values.allSatisfy { $0 == 1 }, "no report is predicted twice")
        let deadLetters = try await pipeline.readAll(pipeline.topics.deadLetters)
        #expect(deadLetters.count == fleet.bad)
        let inputs = try await pipeline.readAll(pipeline.topics.telemetry)
        var stamps: [String: Int64?] = [:]
        for record in inputs { stamps["\(record.partition)/\(record.offset)"] = record.timestampMilliseconds }
        for letter in deadLetters {
            let source = "\(letter.headers.string(DeadLetter.Header.sourcePartition) ?? "?")/\(letter.headers.string(DeadLetter.Header.sourceOffset) ?? "?")"
            #expect(letter.timestampMilliseconds != nil && stamps[source] == letter.timestampMilliseconds, "a dead letter keeps its input's timestamp")
        }

        // The changelog holds each vessel's counts of late and duplicate reports.
        var late: Int64 = 0, duplicates: Int64 = 0
        for (_, bytes) in try await pipeline.latestStates() {
            let state = try VesselState(binary: try #require(bytes))
            late += state.lateCount
            duplicates += state.duplicateCount
        }
        #expect(late == Int64(fleet.late))
        #expect(duplicates == Int64(fleet.duplicates))
        #expect(try await pipeline.readAll(pipeline.topics.features).count > 0)
    }

    @Test("vessels idle past the TTL (in event time) are forgotten with a changelog tombstone; active ones stay")
    func idleVesselsExpire() async throws {
        let pipeline = try await PipelineFixture.make("ttl", partitions: 1)
        // IMO1 reports once; IMO2 keeps reporting for three days of event time.
        let records = [PipelineFixture.report("IMO1", minutes: 0)] + (0...72).map { PipelineFixture.report("IMO2", minutes: $0 * 60) }
        var configuration = pipeline.configuration
        configuration.vesselTTL = .seconds(86_400)
        configuration.commitInterval = .milliseconds(50)
        try await pipeline.produce(Array(records.prefix(2)))
        try await ProcessorRun.inProcess(pipeline, configuration: configuration) {
            try await pipeline.waitUntilCommitted()
            try await pipeline.produce(Array(records.dropFirst(2)))
            try await pipeline.waitUntilCommitted()
        }
        let changelog = try await pipeline.readAll(pipeline.topics.state)
        let forIMO1 = changelog.filter { $0.key == Array("IMO1".utf8) }
        #expect(forIMO1.first?.value != nil, "IMO1's state was written while it was active")
        #expect(forIMO1.last.map { $0.value == nil } == true, "then tombstoned after a day without reports")
        let latest = try await pipeline.latestStates()
        #expect(latest["IMO1"] == .some(nil))
        let imo2 = try VesselState(binary: try #require(latest["IMO2"] ?? nil))
        #expect(imo2.count == 73)
    }

    @Test("a flood of new vessel ids past --max-vessels: every report predicted, the oldest vessels evicted and tombstoned, a returning one starts over")
    func vesselCapBoundsState() async throws {
        // One partition: staleness is judged against the partition's newest event time.
        let pipeline = try await PipelineFixture.make("cap", partitions: 1)
        // Ten vessels report, then go stale (alerts fire) while ninety newcomers push them out.
        let flood = (0..<100).map { PipelineFixture.report("FLOOD\($0)", minutes: $0 < 10 ? $0 : 90 + $0) }
        var configuration = pipeline.configuration
        configuration.maxVessels = 20
        configuration.staleAfter = .seconds(1_800)
        configuration.commitInterval = .milliseconds(50)
        try await ProcessorRun.inProcess(pipeline, configuration: configuration) {
            for part in [flood[..<10], flood[10..<11], flood[11...], [PipelineFixture.report("FLOOD0", minutes: 300)]] {
                try await pipeline.produce(Array(part))
                try await pipeline.waitUntilCommitted()
            }
        }
        #expect(try await pipeline.readAll(pipeline.topics.predictions).count == 101, "eviction loses no report")
        let latest = try await pipeline.latestStates()
        let held = latest.filter { $0.value != nil }
        #expect(held.count <= 20, "the changelog, like memory, holds at most the cap")
        #expect(latest.count == 100, "every vessel was written or tombstoned")
        #expect(held["FLOOD99"] != nil, "the most recent vessels stay")
        let returned = try VesselState(binary: try #require(held["FLOOD0"] ?? nil))
        #expect(returned.count == 1, "an evicted vessel that reports again starts over")
        // Vessels silent for 30 min went stale; an evicted one's alert is withdrawn (tombstone),
        // so what still fires belongs to vessels the processor holds.
        var alerts: [String: [String: Any]?] = [:]
        for record in try await pipeline.readAll(pipeline.topics.alerts) {
            let alert = try record.value.map { try #require(try JSONSerialization.jsonObject(with: Data($0)) as? [String: Any]) }
            alerts.updateValue(alert, forKey: String(decoding: record.key ?? [], as: UTF8.self))
        }
        let firingVessels = alerts.values.compactMap { $0 }.filter { $0["status"] as? String == "firing" }
            .compactMap { ($0["labels"] as? [String: Any])?["vessel_id"] as? String }
        #expect(alerts.values.contains { $0 == nil }, "stale alerts of evicted vessels were withdrawn")
        #expect(Set(firingVessels).isSubset(of: Set(held.keys)), "no alert fires for a vessel no longer watched")
    }

    @Test("a missing state topic stops the processor with a clear error")
    func missingTopic() async throws {
        var configuration = ProcessorConfiguration(bootstrapServers: TestBroker.servers)
        configuration.topics = TopicNames(prefix: "absent-\(UUID().uuidString.prefix(8)).")
        await #expect(throws: ProcessorError.self) { try await Processor(configuration: configuration).run() }
    }
}

/// Runs processors for a test.
enum ProcessorRun {
    /// Runs one processor in this process until `until` returns, then shuts it down gracefully.
    static func inProcess(_ pipeline: PipelineFixture, configuration: ProcessorConfiguration? = nil,
                          until: () async throws -> Void) async throws {
        let processor = Processor(configuration: configuration ?? pipeline.configuration)
        let services: [any Service] = [processor]
        let group = ServiceGroup(configuration: .init(services: services, logger: .init(label: "test")))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            try await until()
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }
}

@Suite("Stale telemetry through the broker", .timeLimit(.minutes(3)))
struct StaleTelemetryTests {
    @Test("a vessel silent for 8 h while another reports: one StaleTelemetry firing from last report + 6 h, resolved by its next report")
    func silentVessel() async throws {
        let pipeline = try await PipelineFixture.make("stale", partitions: 1)
        let report = PipelineFixture.report
        // IMO2 reports every 10 minutes for 10 hours; IMO1 at 0–60 min, then silent until 9 h.
        var records = (0...6).map { report("IMO1", $0 * 10, .tanker) }
        records += (0...54).map { report("IMO2", $0 * 10, .tanker) }
        records.append(report("IMO1", 9 * 60, .tanker))
        records += (55...60).map { report("IMO2", $0 * 10, .tanker) }
        var configuration = pipeline.configuration
        configuration.commitInterval = .milliseconds(50)
        try await pipeline.produce(Array(records.prefix(7 + 55)))
        try await ProcessorRun.inProcess(pipeline, configuration: configuration) {
            try await pipeline.waitUntilCommitted()
            try await Task.sleep(for: .milliseconds(300))      // a commit after the last input
            try await pipeline.produce(Array(records.dropFirst(7 + 55)))
            try await pipeline.waitUntilCommitted()
        }
        let alerts = try await pipeline.readAll(pipeline.topics.alerts).compactMap { record -> [String: Any]? in
            try? JSONSerialization.jsonObject(with: Data(record.value ?? [])) as? [String: Any]
        }
        let stale = alerts.filter { ($0["labels"] as? [String: Any])?["alertname"] as? String == "StaleTelemetry" }
        #expect(stale.map { ($0["labels"] as? [String: Any])?["vessel_id"] as? String } == ["IMO1", "IMO1"])
        #expect(stale.map { $0["status"] as? String } == ["firing", "resolved"])
        #expect(stale.map { $0["startsAt"] as? String } == ["2026-11-30T15:00:00Z", "2026-11-30T15:00:00Z"], "last report 09:00 + 6 h")
        #expect(stale.last?["endsAt"] as? String == "2026-11-30T17:00:00Z")
        // The resolution was raised by IMO1's report at 09:00 (event time, which the fixture
        // stamps as its Kafka timestamp): it carries that report's timestamp.
        let staleRecords = try await pipeline.readAll(pipeline.topics.alerts).filter {
            let text = String(decoding: $0.value ?? [], as: UTF8.self)
            return text.contains("\"StaleTelemetry\"") && text.contains("\"status\":\"resolved\"")
        }
        #expect(staleRecords.map(\.timestampMilliseconds) == [records[7 + 55].telemetry.map { $0.eventTime.microseconds / 1000 }])
    }

    @Test("a restart between the firing and the vessel's next report: that report, read before the restarted processor's first commit, still resolves the alert")
    func resolvedAcrossRestart() async throws {
        let pipeline = try await PipelineFixture.make("stale-restart", partitions: 1)
        let report = PipelineFixture.report
        var before = (0...6).map { report("IMO1", $0 * 10, .tanker) }
        before += (0...54).map { report("IMO2", $0 * 10, .tanker) }
        var configuration = pipeline.configuration
        configuration.commitInterval = .milliseconds(50)
        try await pipeline.produce(before)
        try await ProcessorRun.inProcess(pipeline, configuration: configuration) {
            try await pipeline.waitUntilCommitted()
            try await Task.sleep(for: .milliseconds(300))      // a commit after the last input: the alert fires
        }
        // IMO1 reports again while no processor runs; the next one reads it before its first
        // commit (the stale marks were in the first processor's memory only).
        try await pipeline.produce([report("IMO1", 9 * 60, .tanker)] + (55...60).map { report("IMO2", $0 * 10, .tanker) })
        configuration.commitInterval = .seconds(3)
        try await ProcessorRun.inProcess(pipeline, configuration: configuration) {
            try await pipeline.waitUntilCommitted()
        }
        let stale = try await pipeline.readAll(pipeline.topics.alerts).compactMap { record -> [String: Any]? in
            try? JSONSerialization.jsonObject(with: Data(record.value ?? [])) as? [String: Any]
        }.filter { ($0["labels"] as? [String: Any])?["alertname"] as? String == "StaleTelemetry" }
        #expect(stale.first?["status"] as? String == "firing")
        #expect(stale.last?["status"] as? String == "resolved", "the alert resolved after the restart: \(stale.map { $0["status"] ?? "" })")
        #expect(stale.last?["endsAt"] as? String == "2026-11-30T17:00:00Z")
    }
}
