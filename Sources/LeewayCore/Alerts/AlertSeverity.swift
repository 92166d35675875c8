/// How urgent an alert is: from the size of the change and how long it has lasted.
public enum AlertSeverity: String, Sendable, Comparable, CaseIterable {
    case warning, critical

    public static func < (a: Self, b: Self) -> Bool { a == .warning && b == .critical }
}
