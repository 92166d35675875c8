/// The population stability index of a recent window against a ``ReferenceDistribution``:
/// Σ (actual − expected) · ln(actual / expected) over the reference's bins. Empty bins count
/// as a small fraction so the index stays finite.
public enum PopulationStability {
    /// PSI at or above this is worth a warning.
    public static let warning = 0.1
    /// PSI at or above this is an alert.
    public static let alert = 0.25
    /// The fraction an empty bin counts as.
    public static let emptyBin = 1e-4

    /// The index of `sample` against `reference`.
    public static func index(_ sample: some Collection<Double>, against reference: ReferenceDistribution) -> Double {
        guard !sample.isEmpty else { return 0 }
        var counts = [Double](repeating: 0, count: reference.fractions.count)
        for value in sample { counts[reference.bin(of: value)] += 1 }
        var psi = 0.0
        for (count, expected) in zip(counts, reference.fractions) {
            let actual = max(count / Double(sample.count), emptyBin)
            let expected = max(expected, emptyBin)
            psi += (actual - expected) * log(actual / expected)
        }
        return psi
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
