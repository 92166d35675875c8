import Foundation
import Kafka
import KafkaTestSupport
import Synchronization
import Testing

/// A group member that processes records into a ledger, stores offsets after processing,
/// and commits in its revoke hook.
private final class Member: Sendable {
    let name: String
    let consumer: KafkaConsumer
    let assignments = Mutex<[[TopicPartition]]>([])
    let revokeCommits = Mutex<(ok: Int, rebalanceRelated: Int)>((0, 0))

    init(_ name: String, group: String, topic: String) throws {
        self.name = name
        var configuration = TestBroker.consumerConfiguration(group: group, topic: topic)
        configuration.maxBatchSize = 200
        configuration.maxPollInterval = .seconds(30)
        configuration.client.clientID = name
        consumer = try KafkaConsumer(configuration: configuration)
    }

    func run(into ledger: Ledger, until done: @escaping @Sendable () -> Bool) async throws {
        for try await event in consumer {
            switch event {
            case .records(let records):
                ledger.record(records)
                try consumer.store(processed: records)
            case .assigned(let partitions):
                assignments.withLock { $0.append(partitions) }
            case .revoked:
                let outcome: KafkaError? = await { () async -> KafkaError? in
                    do throws(KafkaError) {
                        try await consumer.commit()
                        return nil
                    } catch {
                        return error
                    }
                }()
                if let outcome, !outcome.isRebalanceRelated { throw outcome }
                revokeCommits.withLock { outcome == nil ? ($0.ok += 1) : ($0.rebalanceRelated += 1) }
            case .lost, .idle:
                break
            }
            if done() { consumer.requestClose() }
        }
    }

    /// The members created so far, in joining order.
    final class Roster: Sendable {
        private let members = Mutex<[Member]>([])
        func add(_ member: Member) { members.withLock { $0.append(member) } }
        var all: [Member] { members.withLock { $0 } }
    }

    /// A number one task sets and another reads.
    final class Mark: Sendable {
        private let state = Mutex(Int.max)
        func set(_ value: Int) { state.withLock { $0 = value } }
        var value: Int { state.withLock { $0 } }
    }
}

@Suite("Consumer groups share partitions and hand them over cleanly", .serialized, .timeLimit(.minutes(3)))
struct RebalanceTests {
    @Test("two members split the partitions, a third joins mid-stream, nothing is lost or processed twice")
    func handover() async throws {
        let topic = try await TestBroker.makeTopic("rebalance", partitions: 6)
        let group = "rebalance-\(UUID())"
        let total = 30_000
        let ledger = Ledger()
        let done: @Sendable () -> Bool = { ledger.distinct >= total }

        let joinedAt = Member.Mark()
        let producer = try KafkaProducer(configuration: TestBroker.producerConfiguration())
        // A member joins the group when it is created, so each is created when it should join:
        // the second once the first is processing, the third mid-stream.
        let a = try Member("member-a", group: group, topic: topic)
        let members = Member.Roster()
        members.add(a)

        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                // Paced: 60 bursts of 500 over about 9 s.
                for burst in 0..<60 {
                    try await produceNumbered(producer, topic: topic, start: burst * 500, count: 500)
                    try await Task.sleep(for: .milliseconds(150))
                }
                try await producer.flush()
            }
            tasks.addTask { try await a.run(into: ledger, until: done) }
            tasks.addTask {
                while ledger.distinct < 2_000 { try await Task.sleep(for: .milliseconds(20)) }
                let b = try Member("member-b", group: group, topic: topic)
                members.add(b)
                try await b.run(into: ledger, until: done)
            }
            tasks.addTask {
                while ledger.distinct < 12_000 { try await Task.sleep(for: .milliseconds(20)) }
                joinedAt.set(ledger.distinct)
                let c = try Member("member-c", group: group, topic: topic)
                members.add(c)
                try await c.run(into: ledger, until: done)
            }
            tasks.addTask {
                try await Task.sleep(for: .seconds(90))
                members.all.forEach { $0.consumer.requestClose() }
                Issue.record("timed out with \(ledger.distinct) of \(total) records processed")
            }
            for _ in 0..<4 { try await tasks.next() }
            tasks.cancelAll()
        }
        await producer.close()
        let all = members.all
        for member in all { await member.consumer.close() }
        try #require(all.count == 3)
        let (b, c) = (all[1], all[2])
        let history = all.map { member in member.assignments.withLock { $0.map(Set.init) } }
        #expect(history[0].first?.count == 6, "the first member started with every partition")
        #expect(history[0].count >= 3, "the first member was reassigned as each other joined")
        let split = [history[0].last ?? [], history[1].last ?? [], history[2].last ?? []]
        #expect(split.allSatisfy { !$0.isEmpty }, "all three members own partitions: \(split)")
        #expect(split[0].union(split[1]).union(split[2]).count == 6 && split.map(\.count).reduce(0, +) == 6,
                "the three own disjoint sets covering all partitions")
        #expect(joinedAt.value < total, "the third member joined mid-stream")
        #expect(a.revokeCommits.withLock { $0.ok } + b.revokeCommits.withLock { $0.ok } > 0, "revoke hooks committed")
        _ = c
        #expect(ledger.missing(below: total) == 0)
        #expect(ledger.duplicates == 0)
    }

    @Test("a restarted member resumes at its committed offset")
    func resumeAtCommittedOffset() async throws {
        let topic = try await TestBroker.makeTopic("resume", partitions: 1)
        let group = "resume-\(UUID())"
        let producer = try KafkaProducer(configuration: TestBroker.producerConfiguration())
        try await produceNumbered(producer, topic: topic, count: 1_000)
        try await producer.flush()
        await producer.close()

        var configuration = TestBroker.consumerConfiguration(group: group, topic: topic)
        configuration.maxBatchSize = 100
        let ledger = Ledger()
        let first = try KafkaConsumer(configuration: configuration)
        var processed = 0
        for try await event in first {
            guard case .records(let records) = event else { continue }
            let taken = Array(records.prefix(400 - processed))
            ledger.record(taken)
            try first.store(processed: taken)
            processed += taken.count
            if processed >= 400 { break }
        }
        try await first.commit()
        let committed = try await first.committed([TopicPartition(topic, 0)])
        #expect(committed.first?.offset == 400)
        await first.close()

        let second = try KafkaConsumer(configuration: configuration)
        var firstOffset: Int64?
        for try await event in second {
            guard case .records(let records) = event else { continue }
            firstOffset = firstOffset ?? records.first?.offset
            ledger.record(records)
            try second.store(processed: records)
            if ledger.distinct >= 1_000 { break }
        }
        await second.close()
        #expect(firstOffset == 400)
        #expect(ledger.missing(below: 1_000) == 0)
        #expect(ledger.duplicates == 0)
    }
}
