extension Duration {
    /// The duration in seconds, with the fraction (for reports and rates).
    public var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
