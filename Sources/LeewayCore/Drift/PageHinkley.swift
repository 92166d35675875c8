/// The Page-Hinkley test for a change in the mean, with the update rule and defaults of
/// River's `drift.PageHinkley` (min_instances 30, delta 0.005, threshold 50, alpha 0.9999,
/// both directions): cumulative deviations from the running mean, with a forgetting factor,
/// compared with their extremes. Everything resets at the update after a detection.
public struct PageHinkley: DriftDetector {
    /// Which changes count.
    public enum Direction: Sendable { case up, down, both }

    /// Values seen before a change may be reported.
    public var minInstances: Int
    /// Magnitude of change tolerated, in the stream's unit.
    public var delta: Double
    /// The detection threshold (λ), in the stream's unit × values.
    public var threshold: Double
    /// Forgetting factor of the cumulative sums.
    public var alpha: Double
    /// Increases, decreases, or both.
    public var direction: Direction

    public internal(set) var driftDetected = false
    var count = 0
    var mean = 0.0
    var sumIncrease = 0.0, sumDecrease = 0.0
    var minIncrease = Double.infinity, maxDecrease = -Double.infinity

    /// A detector with River's defaults unless told otherwise.
    public init(minInstances: Int = 30, delta: Double = 0.005, threshold: Double = 50, alpha: Double = 1 - 0.0001,
                direction: Direction = .both) {
        self.minInstances = minInstances
        self.delta = delta
        self.threshold = threshold
        self.alpha = alpha
        self.direction = direction
    }

    /// How far the increase statistic is above its minimum (compare with ``threshold``).
    public var increase: Double { count == 0 ? 0 : sumIncrease - minIncrease }
    /// How far the decrease statistic is below its maximum (compare with ``threshold``).
    public var decrease: Double { count == 0 ? 0 : maxDecrease - sumDecrease }

    @discardableResult
    public mutating func update(_ value: Double) -> Bool {
        if driftDetected { self = PageHinkley(minInstances: minInstances, delta: delta, threshold: threshold,
                                              alpha: alpha, direction: direction) }
        count += 1
        mean += (value - mean) / Double(count)
        let deviation = value - mean
        sumIncrease = alpha * sumIncrease + deviation - delta
        sumDecrease = alpha * sumDecrease + deviation + delta
        minIncrease = min(minIncrease, sumIncrease)
        maxDecrease = max(maxDecrease, sumDecrease)
        if count >= minInstances {
            switch direction {
            case .up: driftDetected = increase > threshold
            case .down: driftDetected = decrease > threshold
            case .both: driftDetected = increase > threshold || decrease > threshold
            }
        }
        return driftDetected
    }
}
