/// An online change detector over one stream of numbers: fed one value at a time, it says
/// when the stream's distribution (its mean, for the detectors here) has changed.
public protocol DriftDetector: Sendable {
    /// Whether the last ``update(_:)`` detected a change. The next update starts afresh.
    var driftDetected: Bool { get }
    /// Feeds one value; returns ``driftDetected``.
    @discardableResult
    mutating func update(_ value: Double) -> Bool
}
