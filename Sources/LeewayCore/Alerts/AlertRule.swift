/// The hysteresis of one kind of alert, in event time.
public struct AlertRule: Sendable, Equatable {
    /// How long a condition must hold before the alert fires (0: at once).
    public var pendingFor: Duration
    /// How long the condition must be gone before the alert resolves.
    public var resolveAfter: Duration
    /// After resolving, how long the same alert stays quiet before it may fire again.
    public var cooldown: Duration

    /// A rule; the defaults fire at once, resolve after 6 h clear, and stay quiet for 12 h.
    public init(pendingFor: Duration = .zero, resolveAfter: Duration = .seconds(6 * 3600),
                cooldown: Duration = .seconds(12 * 3600)) {
        self.pendingFor = pendingFor
        self.resolveAfter = resolveAfter
        self.cooldown = cooldown
    }
}
