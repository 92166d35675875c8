/// How current a cached prediction is, by the age of the report it came from: `fresh`
/// predictions can be used as they are, `stale` ones with care, `expired` ones not at all.
public enum Freshness: String, Sendable, CaseIterable {
    /// Recent enough to use as it is.
    case fresh
    /// Older than ``Thresholds/staleAfter``: use with care.
    case stale
    /// Older than ``Thresholds/expiredAfter``: do not use.
    case expired

    /// The limits between the three, in seconds of age.
    public struct Thresholds: Sendable, Equatable {
        /// Older than this is stale (default 15 minutes: a few missed reports).
        public var staleAfter: Double = 900
        /// Older than this is expired (default 6 hours, when StaleTelemetry also fires).
        public var expiredAfter: Double = 21_600

        /// The defaults.
        public init() {}

        /// Explicit limits; `staleAfter` must not exceed `expiredAfter`.
        public init(staleAfter: Double, expiredAfter: Double) {
            self.staleAfter = staleAfter
            self.expiredAfter = expiredAfter
        }
    }

    /// The freshness of something `age` seconds old.
    public init(age: Double, _ thresholds: Thresholds) {
        self = age > thresholds.expiredAfter ? .expired : age > thresholds.staleAfter ? .stale : .fresh
    }
}
