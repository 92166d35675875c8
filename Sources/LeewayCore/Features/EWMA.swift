/// An exponentially weighted moving average over records: each new value weighs `alpha`.
public struct EWMA: Sendable, Equatable {
    /// The current average; nil before the first value.
    public private(set) var value: Double?

    /// An empty average.
    public init() {}

    /// Restores an average.
    public init(value: Double?) { self.value = value }

    /// Folds in `sample` with weight `alpha` (0…1).
    public mutating func add(_ sample: Double, alpha: Double) {
        if let current = value {
            value = current + alpha * (sample - current)
        } else {
            value = sample
        }
    }
}
