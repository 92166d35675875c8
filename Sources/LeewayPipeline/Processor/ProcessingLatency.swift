#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Metrics

/// `leeway_processing_latency_seconds`: from a report's Kafka timestamp (when its producer
/// sent it, or when the broker appended it on topics with `LogAppendTime`) to its prediction
/// handed to the producer, per prediction. Clock skew between the report's producer and
/// this host shows up in it; negative spans count as zero.
struct ProcessingLatency {
    /// The histogram's buckets: 1 ms to 10 s.
    static let buckets: [Duration] = [
        .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
        .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
    ]
    /// The metric's name.
    static let label = "leeway_processing_latency_seconds"

    private let timer = Timer(label: Self.label)

    /// Records the time since `milliseconds` after the Unix epoch.
    func record(sinceMilliseconds milliseconds: Int64) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let nanoseconds = Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec) - milliseconds * 1_000_000
        timer.recordNanoseconds(max(0, nanoseconds))
    }
}
