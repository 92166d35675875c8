/// The two-sample Kolmogorov–Smirnov test: the largest gap between two empirical
/// distribution functions, and its asymptotic p-value (the Kolmogorov distribution with
/// Stephens' small-sample correction, as in Numerical Recipes' `kstwo`).
public enum KolmogorovSmirnov {
    /// Reject "same distribution" below this p-value.
    public static let significance = 0.01
    /// Fewest values per sample before the test is trusted.
    public static let minimumSample = 30

    /// The statistic D and its p-value for samples `a` and `b`.
    public static func test(_ a: [Double], _ b: [Double]) -> (statistic: Double, pValue: Double) {
        guard !a.isEmpty, !b.isEmpty else { return (0, 1) }
        let x = a.sorted(), y = b.sorted()
        var i = 0, j = 0, d = 0.0
        while i < x.count, j < y.count {
            let value = min(x[i], y[j])
            while i < x.count, x[i] <= value { i += 1 }
            while j < y.count, y[j] <= value { j += 1 }
            d = max(d, abs(Double(i) / Double(x.count) - Double(j) / Double(y.count)))
        }
        let n = Double(x.count), m = Double(y.count)
        let effective = (n * m / (n + m)).squareRoot()
        return (d, kolmogorovQ((effective + 0.12 + 0.11 / effective) * d))
    }

    /// Q_KS(λ) = 2 Σ_{j≥1} (−1)^{j−1} e^{−2 j² λ²}, the Kolmogorov survival function.
    static func kolmogorovQ(_ lambda: Double) -> Double {
        guard lambda > 0.2 else { return 1 }
        var sum = 0.0, sign = 1.0
        for j in 1...100 {
            let term = sign * 2 * exp(-2 * Double(j * j) * lambda * lambda)
            sum += term
            if abs(term) < 1e-12 { break }
            sign = -sign
        }
        return min(1, max(0, sum))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
