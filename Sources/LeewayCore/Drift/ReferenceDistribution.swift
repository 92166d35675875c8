/// A feature's distribution in a model's training data, as decile bins: the reference the
/// window tests compare recent data with. Stored with each model artifact.
public struct ReferenceDistribution: Sendable, Equatable, Codable {
    /// The inner bin edges (9 for deciles), ascending: bin i holds values in
    /// (edges[i-1], edges[i]]; the first and last bins are open.
    public var edges: [Double]
    /// The fraction of the reference in each bin (edges.count + 1 of them), summing to 1.
    public var fractions: [Double]
    /// The 0th to 100th percentiles, for the Kolmogorov–Smirnov test (absent in artifacts
    /// made without them).
    public var percentiles: [Double]?

    /// Deciles (or `bins` quantile bins) of `sample`.
    public init(sample: [Double], bins: Int = 10) {
        let sorted = sample.sorted()
        var edges: [Double] = []
        if !sorted.isEmpty {
            for bin in 1..<bins {
                let edge = sorted[min(sorted.count - 1, sorted.count * bin / bins)]
                if edges.last.map({ edge > $0 }) ?? true { edges.append(edge) }
            }
        }
        self.edges = edges
        var counts = [Double](repeating: 0, count: edges.count + 1)
        for value in sorted { counts[Self.bin(of: value, edges: edges)] += 1 }
        fractions = counts.map { $0 / Double(max(1, sorted.count)) }
        percentiles = sorted.isEmpty ? nil : (0...100).map { sorted[min(sorted.count - 1, sorted.count * $0 / 100)] }
    }

    /// Which bin `value` falls in.
    public func bin(of value: Double) -> Int { Self.bin(of: value, edges: edges) }

    static func bin(of value: Double, edges: [Double]) -> Int {
        var low = 0, high = edges.count
        while low < high {
            let middle = (low + high) / 2
            if value <= edges[middle] { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
