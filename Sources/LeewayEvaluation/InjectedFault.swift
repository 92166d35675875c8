import LeewaySimulator

/// A fault the evaluation injects, and how the fleet's alerts found it.
public struct InjectedFault: Sendable {
    /// E.g. `fuel +8 %`.
    public var name: String
    /// What, where and from when.
    public var drift: SensorDrift
    /// Event time from the fault's start to the first firing alert on the vessel; nil if missed.
    public var delay: Duration?
    /// Event time from the vessel's first report under way after the start to that alert
    /// (a fault that starts in port cannot show before the ship sails).
    public var delayAtSea: Duration?
    /// The alert that found it.
    public var alertname: String?

    /// A fault not yet found.
    public init(name: String, drift: SensorDrift) {
        self.name = name
        self.drift = drift
    }
}
