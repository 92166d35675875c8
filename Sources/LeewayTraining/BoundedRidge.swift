/// Weighted least squares with box constraints and a ridge penalty towards a prior, solved
/// by cyclic coordinate descent on the standardized normal equations. Every coefficient
/// stays within its bounds whatever the data; a feature without variance keeps its
/// (clipped) prior; the penalty pulls weakly determined coefficients towards the prior
/// instead of letting collinear terms trade off against each other. The intercept has
/// bounds of its own (a hotel load is never negative): when the free fit's intercept falls
/// outside them, the fit is repeated with the intercept fixed at the bound.
public struct BoundedRidge: Sendable {
    /// One coefficient's bounds and prior.
    public struct Constraint: Sendable, Equatable {
        /// Lowest and highest allowed value.
        public var bounds: ClosedRange<Double>
        /// The value the penalty pulls towards.
        public var prior: Double
        /// Whether the penalty applies to it (the main physics term is left free).
        public var penalized: Bool

        /// A constraint.
        public init(_ bounds: ClosedRange<Double>, prior: Double = 0, penalized: Bool = true) {
            self.bounds = bounds
            self.prior = prior
            self.penalized = penalized
        }

        /// Non-negative, pulled towards 0.
        public static let nonNegative = Constraint(0...Double.greatestFiniteMagnitude)
    }

    /// A fitted equation in original units.
    public struct Fit: Sendable, Equatable {
        /// The constant.
        public var intercept: Double
        /// One weight per feature.
        public var coefficients: [Double]
        /// Indices of the coefficients that ended on a bound.
        public var atBound: [Int]
    }

    /// One constraint per feature.
    public var constraints: [Constraint]
    /// The intercept's bounds.
    public var intercept: ClosedRange<Double>

    /// A fit under `constraints`, with the intercept within `intercept`.
    public init(constraints: [Constraint], intercept: ClosedRange<Double> = -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude) {
        self.constraints = constraints
        self.intercept = intercept
    }

    /// Fits `target` on `features` (rows × p) with row `weights` (nil: 1) and `penalty` per
    /// unit of weight on standardized coefficients.
    public func fit(features: [[Double]], target: [Double], weights: [Double]? = nil, penalty: Double) -> Fit {
        let free = solve(Moments(features, target, weights, offset: nil), penalty: penalty)
        guard !intercept.contains(free.intercept) else { return free }
        let bound = free.intercept < intercept.lowerBound ? intercept.lowerBound : intercept.upperBound
        return solve(Moments(features, target, weights, offset: bound), penalty: penalty)
    }

    /// Weighted sums over the rows: centred (free intercept) or about a fixed intercept.
    struct Moments {
        var weight = 0.0, mean: [Double], scale: [Double], targetMean = 0.0
        var gram: [Double], moment: [Double]
        let fixedIntercept: Double?

        init(_ features: [[Double]], _ target: [Double], _ weights: [Double]?, offset: Double?) {
            let p = features.first?.count ?? 0
            fixedIntercept = offset
            mean = [Double](repeating: 0, count: p)
            for (index, row) in features.enumerated() {
                let w = weights?[index] ?? 1
                weight += w
                for j in 0..<p { mean[j] += w * row[j] }
                targetMean += w * target[index]
            }
            let total = max(weight, .leastNonzeroMagnitude)
            if offset == nil {
                for j in 0..<p { mean[j] /= total }
                targetMean /= total
            } else {
                mean = [Double](repeating: 0, count: p)
                targetMean = offset ?? 0
            }
            scale = [Double](repeating: 0, count: p)
            for (index, row) in features.enumerated() {
                let w = weights?[index] ?? 1
                for j in 0..<p { scale[j] += w * (row[j] - mean[j]) * (row[j] - mean[j]) }
            }
            scale = scale.map { ($0 / total).squareRoot() }
            gram = [Double](repeating: 0, count: p * p)
            moment = [Double](repeating: 0, count: p)
            var z = [Double](repeating: 0, count: p)
            for (index, row) in features.enumerated() {
                let w = weights?[index] ?? 1
                for j in 0..<p { z[j] = scale[j] > 0 ? (row[j] - mean[j]) / scale[j] : 0 }
                let y = target[index] - targetMean
                for i in 0..<p {
                    moment[i] += w * z[i] * y
                    for j in 0...i { gram[i * p + j] += w * z[i] * z[j] }
                }
            }
            for i in 0..<p { for j in 0..<i { gram[j * p + i] = gram[i * p + j] } }
        }
    }

    private func solve(_ m: Moments, penalty: Double) -> Fit {
        let p = constraints.count
        precondition(m.mean.count == p, "one constraint per feature")
        let lambda = penalty * m.weight
        let lower = (0..<p).map { constraints[$0].bounds.lowerBound * m.scale[$0] }
        let upper = (0..<p).map { constraints[$0].bounds.upperBound * m.scale[$0] }
        let prior = (0..<p).map { min(max(constraints[$0].prior, constraints[$0].bounds.lowerBound), constraints[$0].bounds.upperBound) }
        var gamma = (0..<p).map { prior[$0] * m.scale[$0] }
        for _ in 0..<50_000 {
            var change = 0.0
            for j in 0..<p where m.scale[j] > 0 {
                var partial = m.moment[j]
                for k in 0..<p where k != j { partial -= m.gram[j * p + k] * gamma[k] }
                let l = constraints[j].penalized ? lambda : 0
                let diagonal = m.gram[j * p + j] + l
                guard diagonal > 0 else { continue }
                let value = min(max((partial + l * prior[j] * m.scale[j]) / diagonal, lower[j]), upper[j])
                change = max(change, abs(value - gamma[j]))
                gamma[j] = value
            }
            if change < 1e-12 { break }
        }
        let coefficients = (0..<p).map { m.scale[$0] > 0 ? gamma[$0] / m.scale[$0] : prior[$0] }
        let intercept = m.fixedIntercept ?? m.targetMean - zip(coefficients, m.mean).reduce(0) { $0 + $1.0 * $1.1 }
        let atBound = (0..<p).filter { j in
            let bounds = constraints[j].bounds
            let tolerance = 1e-9 * max(abs(coefficients[j]), 1e-12)
            return abs(coefficients[j] - bounds.lowerBound) <= tolerance || abs(coefficients[j] - bounds.upperBound) <= tolerance
        }
        return Fit(intercept: intercept, coefficients: coefficients, atBound: atBound)
    }
}
