#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Wall-clock microseconds since the Unix epoch: Kafka timestamps are wall clock too.
func wallMicroseconds() -> Int64 {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    return Int64(now.tv_sec) * 1_000_000 + Int64(now.tv_nsec) / 1_000
}

/// Latencies seen during a latency run, by path and by the rate phase their report was sent
/// in (phases are told apart by the report's send time).
final class LatencySamples: Sendable {
    /// What a latency spans.
    enum Path: String, CaseIterable, Sendable {
        /// Report sent → the report seen by a plain consumer of the telemetry topic.
        case broker = "broker alone: report sent → seen by a plain consumer"
        /// Report sent → a copy relayed by a consume + produce loop seen (two hops, no work).
        case relay = "two hops, no processing: report sent → relayed copy seen"
        /// Report sent → its prediction seen by a consumer of the predictions topic.
        case prediction = "report sent → prediction seen by a consumer"
        /// Report sent → an alert it raised seen by a consumer of the alerts topic.
        case alert = "report sent → alert seen by a consumer"
        /// Report sent → the pull API answers its prediction.
        case pull = "report sent → pull API answers the new prediction"
    }

    /// A send-time window: reports sent inside it belong to `rate`.
    struct Phase: Sendable {
        var rate: Int
        var fromMicroseconds: Int64
        var untilMicroseconds: Int64
    }

    private let phases = Mutex<[Phase]>([])
    private let samples = Mutex<[Path: [Int: [Int64]]]>([:])

    /// Opens a phase for reports sent from now on at `rate`; the previous one ends now. It
    /// starts on a whole millisecond, the resolution of the reports' timestamps.
    func begin(rate: Int) {
        let now = (wallMicroseconds() / 1000 + 1) * 1000
        while wallMicroseconds() < now {}
        phases.withLock { phases in
            if !phases.isEmpty { phases[phases.count - 1].untilMicroseconds = now }
            phases.append(Phase(rate: rate, fromMicroseconds: now, untilMicroseconds: .max))
        }
    }

    /// Ends the last phase.
    func end() {
        let now = wallMicroseconds()
        phases.withLock { phases in
            if !phases.isEmpty { phases[phases.count - 1].untilMicroseconds = now }
        }
    }

    /// Records a latency of `path` for a report sent at `sentMicroseconds`, seen at
    /// `seenMicroseconds`; reports sent outside every phase (the warm-up) are not counted.
    func record(_ path: Path, sentMicroseconds: Int64, seenMicroseconds: Int64) {
        guard let rate = phases.withLock({ $0.last { $0.fromMicroseconds <= sentMicroseconds && sentMicroseconds < $0.untilMicroseconds }?.rate })
        else { return }
        samples.withLock { $0[path, default: [:]][rate, default: []].append(max(0, seenMicroseconds - sentMicroseconds)) }
    }

    /// The latencies of `path` at `rate`, in microseconds, sorted.
    func sorted(_ path: Path, rate: Int) -> [Int64] {
        samples.withLock { $0[path]?[rate] ?? [] }.sorted()
    }
}

/// Percentiles of a latency sample.
struct LatencySummary {
    var count: Int
    var p50: Double
    var p99: Double
    var max: Double

    /// From sorted microseconds; nil for an empty sample.
    init?(sortedMicroseconds values: [Int64]) {
        guard !values.isEmpty else { return nil }
        func at(_ q: Double) -> Double { Double(values[Swift.min(values.count - 1, Int((Double(values.count) * q).rounded(.up)) - 1)]) / 1000 }
        count = values.count
        p50 = at(0.5)
        p99 = at(0.99)
        max = Double(values[values.count - 1]) / 1000
    }

    /// "p50 a ms, p99 b ms, max c ms (n)".
    var text: String { "p50 \(format(p50, 1)) ms, p99 \(format(p99, 1)) ms, max \(format(max, 1)) ms (n = \(count))" }
}
