import Foundation
import LeewayCore
import Logging
import Metrics
import Synchronization

/// How the batch models' calls go, per vessel type: counts them for `/metrics`, logs a
/// failure once per streak, says on `/healthz` which types are on their fallback, and makes
/// the `ModelServiceDown` alert (wall clock) that fires once a type has had no answer for
/// ``downAfter`` and resolves with the first answer.
public final class ModelCallLog: Sendable {
    /// How long failures must last before `ModelServiceDown` fires.
    public let downAfter: Duration
    private let logger: Logger
    private let streaks = Mutex<[VesselType: Streak]>([:])

    private struct Streak {
        var model: ModelIdentity
        var since: ContinuousClock.Instant
        var sinceWall: EventTime
        var failedBatches: Int
        var reason: String
        var firing: Bool
    }

    /// A log whose alert fires after `downAfter` of failures.
    public init(downAfter: Duration = .seconds(30), logger: Logger = Logger(label: "leeway.models")) {
        self.downAfter = downAfter
        self.logger = logger
    }

    /// Types served by their fallback now, each with why, for `/healthz`.
    public var degraded: [String] {
        streaks.withLock { streaks in
            streaks.sorted { $0.key.rawValue < $1.key.rawValue }.map { type, streak in
                "\(type.rawValue): \(streak.model.name) v\(streak.model.version) gives no answers (\(streak.failedBatches) batches): \(streak.reason); the physics baseline serves, flagged fallback_model"
            }
        }
    }

    /// A call for `rows` rows of `type` answered; the alert's resolution when it was firing.
    func succeeded(_ type: VesselType, model: ModelIdentity, rows: Int) -> DriftAlert? {
        Counter(label: "leeway_model_calls_total", dimensions: [("vessel_type", type.rawValue), ("outcome", "answered")]).increment()
        Counter(label: "leeway_model_rows_total", dimensions: [("vessel_type", type.rawValue)]).increment(by: rows)
        guard let streak = streaks.withLock({ $0.removeValue(forKey: type) }) else { return nil }
        Gauge(label: "leeway_model_fallback", dimensions: [("vessel_type", type.rawValue)]).record(0)
        logger.notice("batch model answers again", metadata: [
            "type": "\(type.rawValue)", "model": "\(model.name)", "version": "\(model.version)", "failed_batches": "\(streak.failedBatches)",
        ])
        guard streak.firing else { return nil }
        return .modelServiceDown(type, model: streak.model, since: streak.sinceWall, reason: streak.reason,
                                 failedBatches: streak.failedBatches, resumedAt: Self.wallClock)
    }

    /// A call for `rows` rows of `type` failed with `error`; the alert when it starts firing.
    func failed(_ type: VesselType, model: ModelIdentity, rows: Int, error: any Error) -> DriftAlert? {
        Counter(label: "leeway_model_calls_total", dimensions: [("vessel_type", type.rawValue), ("outcome", "failed")]).increment()
        Counter(label: "leeway_model_fallback_rows_total", dimensions: [("vessel_type", type.rawValue)]).increment(by: rows)
        Gauge(label: "leeway_model_fallback", dimensions: [("vessel_type", type.rawValue)]).record(1)
        let now = ContinuousClock.now
        let (first, fire, streak) = streaks.withLock { streaks -> (Bool, Bool, Streak) in
            var streak = streaks[type] ?? Streak(model: model, since: now, sinceWall: Self.wallClock, failedBatches: 0,
                                                 reason: "\(error)", firing: false)
            let first = streak.failedBatches == 0
            streak.failedBatches += 1
            streak.reason = "\(error)"
            let fire = !streak.firing && now - streak.since >= downAfter
            if fire { streak.firing = true }
            streaks[type] = streak
            return (first, fire, streak)
        }
        if first {
            logger.warning("batch model gave no answer; its type is served by the physics baseline until it answers again",
                           metadata: ["type": "\(type.rawValue)", "model": "\(model.name)", "version": "\(model.version)", "error": "\(error)"])
        }
        guard fire else { return nil }
        return .modelServiceDown(type, model: streak.model, since: streak.sinceWall, reason: streak.reason,
                                 failedBatches: streak.failedBatches)
    }

    private static var wallClock: EventTime {
        EventTime(microseconds: Int64((Date().timeIntervalSince1970 * 1_000_000).rounded()))
    }
}
