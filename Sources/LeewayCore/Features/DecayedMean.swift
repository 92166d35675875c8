/// A mean whose weights halve every `halfLife` of event time: robust to irregular sampling
/// (a burst of reports does not outweigh a quiet day) and to out-of-order arrival (a late
/// sample enters with the weight it would have had).
public struct DecayedMean: Sendable, Equatable {
    /// Total weight, decayed to `anchor`.
    public private(set) var weight: Double = 0
    /// Weighted sum, decayed to `anchor`.
    public private(set) var sum: Double = 0
    /// The event time the weights refer to: the newest sample's.
    public private(set) var anchor: EventTime = EventTime(microseconds: 0)

    /// An empty mean.
    public init() {}

    /// Restores a mean.
    public init(weight: Double, sum: Double, anchor: EventTime) {
        self.weight = weight
        self.sum = sum
        self.anchor = anchor
    }

    /// The mean, or nil before the first sample.
    public var value: Double? { weight > 0 ? sum / weight : nil }

    /// Folds in `sample` observed at `time`.
    public mutating func add(_ sample: Double, at time: EventTime, halfLife: Duration) {
        let halfLifeMicros = Double(halfLife.components.seconds) * 1e6
        let age = Double(time.microseconds - anchor.microseconds) / halfLifeMicros
        if weight == 0 || age >= 0 {
            let decay = weight == 0 ? 0 : exp2(-age)
            weight = weight * decay + 1
            sum = sum * decay + sample
            anchor = time
        } else {
            let late = exp2(age)
            weight += late
            sum += sample * late
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
