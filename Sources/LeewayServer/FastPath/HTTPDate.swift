#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The current time as an HTTP `Date` header value (RFC 9110 IMF-fixdate), formatted at
/// most once a second.
struct HTTPDate {
    private var second = 0
    private var cached = ""

    /// Seconds since 1970, with sub-second precision.
    var now: Double {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// E.g. `Sun, 29 Nov 2026 15:04:24 GMT`.
    var text: String {
        mutating get {
            var clock = time(nil)
            if clock != second || cached.isEmpty {
                second = clock
                var parts = tm()
                gmtime_r(&clock, &parts)
                var buffer = [CChar](repeating: 0, count: 64)
                let count = strftime(&buffer, buffer.count, "%a, %d %b %Y %H:%M:%S GMT", &parts)
                cached = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
            return cached
        }
    }
}
