import Foundation
import LeewayCore
import LeewaySimulator

/// A flood of vessel ids never seen before, each reporting once: the processor and the cache
/// must keep their memory bounded by `--max-vessels`, evict (and count) the vessels heard
/// from least recently, and still predict every report.
struct FloodScenario {
    let options: ChaosOptions

    func run() async throws -> ChaosRow {
        let records = Self.flood(options.floodRecords)
        let pipeline = try await ChaosPipeline.make("flood", brokers: options.brokers)
        try await pipeline.produce(records, to: pipeline.topics.telemetry)
        let cap = String(options.floodCap)
        let processorArguments = options.processor(pipeline).map { $0 == "off" ? "127.0.0.1:0" : $0 == "notice" ? "info" : $0 == "0.2" ? "1" : $0 } + ["--max-vessels", cap]
        let started = ContinuousClock.now
        let processor = try LeewayProcess(binary: options.leeway, arguments: processorArguments, log: "flood-processor")
        let cache = try LeewayProcess(binary: options.leeway, arguments: [
            "run", "--role", "cache", "--brokers", options.brokers, "--topic-prefix", pipeline.prefix,
            "--http-address", "127.0.0.1:0", "--log-level", "info", "--max-vessels", cap], log: "flood-cache")
        // Resident memory as the flood goes through: flat once the cap is reached.
        let end = try await pipeline.inputEnd()
        var resident: [String] = []
        var quarter: Int64 = 1
        while quarter <= 4 {
            let committed = try await pipeline.committed()
            if committed >= end * quarter / 4 {
                resident.append("\(quarter * 25) % \(Self.megabytes(processor.residentBytes ?? 0))")
                quarter += 1
                continue
            }
            guard processor.process.isRunning, ContinuousClock.now < started.advanced(by: .seconds(1_800)) else {
                throw ChaosError("the flood's processor stopped or stalled at \(committed) of \(end) records")
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        let processed = (ContinuousClock.now - started).seconds
        try await processor.waitForLog("serving HTTP")
        let evicted = Int(try await processor.metric("leeway_vessels_evicted_total"))
        let expired = Int(try await processor.metric("leeway_vessels_expired_total"))
        let held = Int(try await processor.metric("leeway_vessels"))
        let processorPeak = processor.peakResidentBytes ?? 0
        let processorStatus = await processor.stop()

        // The cache is done when it has read every prediction; reading that has not moved for
        // 10 s short of that is a loss on the pull side (the row counts it), not a hang. Any
        // topic's progress counts as moving: on the dev broker the cache's fetches can serve
        // the features topic for tens of seconds while predictions wait (seen: 177,298
        // predictions read, unmoved for 25 s, while 800,000 feature records were read).
        try await cache.waitForLog("serving HTTP")
        let read = { (topic: String) in "leeway_cache_records_total{topic=\"\(topic)\"}" }
        var cacheRead = 0.0, allRead = 0.0, movedAt = ContinuousClock.now
        while cacheRead < Double(records.count), ContinuousClock.now < movedAt.advanced(by: .seconds(10)) {
            guard cache.process.isRunning else { throw ChaosError("the flood's cache exited") }
            var total = 0.0
            for topic in [pipeline.topics.predictions, pipeline.topics.features, pipeline.topics.alerts] {
                let count = (try? await cache.metric(read(topic))) ?? 0
                if topic == pipeline.topics.predictions { cacheRead = max(cacheRead, count) }
                total += count
            }
            if total > allRead { (allRead, movedAt) = (total, .now) }
            try await Task.sleep(for: .milliseconds(500))
        }
        let cacheEvicted = Int(try await cache.metric("leeway_cache_vessels_evicted_total"))
        let cacheHeld = Int(try await cache.metric("leeway_cache_vessels"))
        let cachePeak = cache.peakResidentBytes ?? 0
        let cacheStatus = await cache.stop()

        let got = ValueSet()
        let outputs = try await pipeline.read(pipeline.topics.predictions) { got.add($0) }
        let lost = max(records.count - got.values.count, records.count - Int(cacheRead))
        let bounded = held <= options.floodCap && cacheHeld <= options.floodCap
        return ChaosRow(scenario: "\(records.count) distinct vessel ids in a flood (--max-vessels \(cap))", recordsIn: records.count,
                        recordsOut: got.values.count, lost: lost,
                        duplicated: outputs - got.values.count,
                        recovery: String(format: "none needed (%.0f s for all)", processed),
                        note: "peak RSS: processor \(Self.megabytes(processorPeak)), cache \(Self.megabytes(cachePeak)); "
                            + "processor RSS at \(resident.joined(separator: ", ")) of the input; "
                            + "processor evicted \(evicted), expired \(expired) (TTL), holds \(held); "
                            + "cache read \(Int(cacheRead)) predictions, evicted \(cacheEvicted), holds \(cacheHeld); exits \(processorStatus)/\(cacheStatus)",
                        // Both at or under the cap and both stopped cleanly.
                        broken: !(bounded && processorStatus == 0 && cacheStatus == 0))
    }

    static func megabytes(_ bytes: Int) -> String { String(format: "%.0f MB", Double(bytes) / 1_048_576) }

    /// `count` simulated reports, each from a vessel id of its own.
    static func flood(_ count: Int) -> [(key: [UInt8]?, value: [UInt8], timestamp: Int64?)] {
        var configuration = FleetSimulator.Configuration()
        configuration.vessels = 1_000
        configuration.seed = 23
        configuration.satelliteLinks = false
        var fleet = FleetSimulator(configuration)
        var records: [(key: [UInt8]?, value: [UInt8], timestamp: Int64?)] = []
        records.reserveCapacity(count)
        while records.count < count {
            guard var telemetry = fleet.next().telemetry else { continue }
            telemetry.vesselID = "FLOOD" + String(records.count)
            records.append((Array(telemetry.vesselID.utf8), telemetry.json, telemetry.eventTime.microseconds / 1_000))
        }
        return records
    }
}
