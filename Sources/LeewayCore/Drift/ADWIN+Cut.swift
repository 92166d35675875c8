extension ADWIN {
    /// Every `clock` values past the grace period: walks the cuts from the oldest bucket
    /// forward and, while one separates significantly different means, drops the oldest
    /// bucket and looks again. River's loop, including its bounds.
    mutating func detectChange() -> Bool {
        var changed = false
        tick += 1
        guard tick % clock == 0, width > Double(gracePeriod) else { return false }
        var shrink = true
        while shrink {
            shrink = false
            var n0 = 0.0, n1 = width, u0 = 0.0, u1 = total, v0 = 0.0, v1 = variance
            scan: for row in stride(from: rows.count - 1, through: 0, by: -1) {
                let size = Double(1 << row)
                for k in 0..<max(0, rows[row].count - 1) {
                    let bucket = rows[row][k]
                    let mu2 = bucket.total / size
                    if n0 > 0 {
                        let mu0 = u0 / n0
                        v0 += bucket.variance + n0 * size * (mu0 - mu2) * (mu0 - mu2) / (n0 + size)
                    }
                    if n1 > 0 {
                        let mu1 = u1 / n1
                        v1 -= bucket.variance + n1 * size * (mu1 - mu2) * (mu1 - mu2) / (n1 + size)
                    }
                    n0 += size
                    n1 -= size
                    u0 += bucket.total
                    u1 -= bucket.total
                    if n1 >= Double(minWindowLength), n0 >= Double(minWindowLength), isCut(n0, n1, u0 / n0 - u1 / n1) {
                        shrink = true
                        changed = true
                        if width > 0 { _ = deleteOldestBucket() }
                        break scan
                    }
                }
            }
        }
        return changed
    }

    /// Whether the means on either side of a cut differ by more than ε_cut.
    private func isCut(_ n0: Double, _ n1: Double, _ meanDifference: Double) -> Bool {
        let deltaPrime = log(2 * log(width) / delta)
        let mReciprocal = 1 / (n0 - Double(minWindowLength) + 1) + 1 / (n1 - Double(minWindowLength) + 1)
        let epsilon = (2 * mReciprocal * (variance / width) * deltaPrime).squareRoot() + 2.0 / 3.0 * deltaPrime * mReciprocal
        return abs(meanDifference) > epsilon
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
