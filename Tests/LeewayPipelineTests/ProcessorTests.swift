import Foundation
import Kafka
import KafkaTestSupport
import LeewayCore
import LeewayPipeline
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
        }
        #expect(Set(seen.keys) == fleet.predicted)
        #expect(seen.values.allSatisfy { $0 == 1 }, "no report is predicted twice")
        let deadLetters = try await pipeline.readAll(pipeline.topics.deadLetters)
        #expect(deadLetters.count == fleet.bad)

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

    @Test("a missing state topic stops the processor with a clear error")
    func missingTopic() async throws {
        var configuration = ProcessorConfiguration(bootstrapServers: TestBroker.servers)
        configuration.topics = ProcessorTopics(prefix: "absent-\(UUID().uuidString.prefix(8)).")
        await #expect(throws: ProcessorError.self) { try await Processor(configuration: configuration).run() }
    }
}

/// Runs processors for a test.
enum ProcessorRun {
    /// Runs one processor in this process until `until` returns, then shuts it down gracefully.
    static func inProcess(_ pipeline: PipelineFixture, until: () async throws -> Void) async throws {
        let processor = Processor(configuration: pipeline.configuration)
        let group = ServiceGroup(configuration: .init(services: [processor], logger: .init(label: "test")))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            try await until()
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }
}
