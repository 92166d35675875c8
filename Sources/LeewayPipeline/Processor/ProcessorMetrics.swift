import LeewayCore
import Metrics

/// What a processor counts, in swift-metrics (Prometheus names).
struct ProcessorMetrics {
    let applied = Counter(label: "leeway_reports_total", dimensions: [("outcome", "applied")])
    let late = Counter(label: "leeway_reports_total", dimensions: [("outcome", "late")])
    let duplicate = Counter(label: "leeway_reports_total", dimensions: [("outcome", "duplicate")])
    let replayed = Counter(label: "leeway_reports_total", dimensions: [("outcome", "replayed")])
    let rejected = Counter(label: "leeway_reports_total", dimensions: [("outcome", "rejected")])
    let predictions = Counter(label: "leeway_predictions_total")
    let fallbacks = Counter(label: "leeway_fallback_predictions_total")
    let expired = Counter(label: "leeway_vessels_expired_total")
    let evicted = Counter(label: "leeway_vessels_evicted_total")
    let vessels = Gauge(label: "leeway_vessels")
    let restoredRecords = Counter(label: "leeway_state_restored_records_total")
    let restoreSeconds = Timer(label: "leeway_state_restore_seconds")
    let commits = Counter(label: "leeway_commits_total")
    let commitFailures = Counter(label: "leeway_commit_failures_total")
    let alerts = Counter(label: "leeway_drift_alert_records_total")
    let firing = Gauge(label: "leeway_drift_alerts_firing")

    /// Counts of one batch, added to the counters at once.
    struct Tally {
        var applied = 0, late = 0, duplicate = 0, replayed = 0, rejected = 0, predictions = 0, fallbacks = 0, alerts = 0

        mutating func count(_ admission: Admission) {
            switch admission {
            case .applied: applied += 1
            case .late: late += 1
            case .duplicate: duplicate += 1
            case .replayed: replayed += 1
            }
        }
    }

    func record(_ tally: Tally) {
        if tally.applied > 0 { applied.increment(by: tally.applied) }
        if tally.late > 0 { late.increment(by: tally.late) }
        if tally.duplicate > 0 { duplicate.increment(by: tally.duplicate) }
        if tally.replayed > 0 { replayed.increment(by: tally.replayed) }
        if tally.rejected > 0 { rejected.increment(by: tally.rejected) }
        if tally.predictions > 0 { predictions.increment(by: tally.predictions) }
        if tally.fallbacks > 0 { fallbacks.increment(by: tally.fallbacks) }
        if tally.alerts > 0 { alerts.increment(by: tally.alerts) }
    }
}
