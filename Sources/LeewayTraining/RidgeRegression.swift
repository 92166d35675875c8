/// Multi-target ridge regression in closed form: features are centred and scaled, the
/// normal equations (XᵀX + λI)β = Xᵀy are solved by Cholesky, and the weights are mapped
/// back to the original units. The intercept is not penalized.
public struct RidgeRegression: Sendable {
    /// The penalty on standardized weights, per row (λ = penalty × rows).
    public var penalty: Double

    /// A regression with `penalty` (small: the physics terms are few and well posed).
    public init(penalty: Double = 1e-6) { self.penalty = penalty }

    /// A fitted equation in original units.
    public struct Fit: Sendable, Equatable {
        /// The constant.
        public var intercept: Double
        /// One weight per feature.
        public var coefficients: [Double]
    }

    /// Why a fit is impossible.
    public enum FitError: Error, Equatable, CustomStringConvertible {
        /// Fewer rows than features + 1.
        case tooFewRows(rows: Int, needed: Int)
        /// The normal matrix is not positive definite (a feature is constant or duplicated).
        case singular

        public var description: String {
            switch self {
            case .tooFewRows(let rows, let needed): "\(rows) training rows; at least \(needed) are needed"
            case .singular: "the features are collinear or constant; cannot fit"
            }
        }
    }

    /// Fits one equation per column of `targets` (rows × targets) on `features` (rows × p).
    public func fit(features: [[Double]], targets: [[Double]]) throws(FitError) -> [Fit] {
        let rows = features.count, p = features.first?.count ?? 0, outputs = targets.first?.count ?? 0
        guard rows > p + 1 else { throw .tooFewRows(rows: rows, needed: p + 2) }
        let mean = (0..<p).map { j in features.reduce(0) { $0 + $1[j] } / Double(rows) }
        let scale = (0..<p).map { j in
            let variance = features.reduce(0) { $0 + ($1[j] - mean[j]) * ($1[j] - mean[j]) } / Double(rows)
            return variance > 0 ? variance.squareRoot() : 1
        }
        let targetMean = (0..<outputs).map { k in targets.reduce(0) { $0 + $1[k] } / Double(rows) }
        var normal = [Double](repeating: 0, count: p * p)
        var moment = [Double](repeating: 0, count: p * outputs)
        var z = [Double](repeating: 0, count: p)
        for (row, y) in zip(features, targets) {
            for j in 0..<p { z[j] = (row[j] - mean[j]) / scale[j] }
            for i in 0..<p {
                for j in 0...i { normal[i * p + j] += z[i] * z[j] }
                for k in 0..<outputs { moment[i * outputs + k] += z[i] * (y[k] - targetMean[k]) }
            }
        }
        for i in 0..<p {
            for j in 0..<i { normal[j * p + i] = normal[i * p + j] }
            normal[i * p + i] += penalty * Double(rows)
        }
        let factor = try Self.cholesky(normal, p)
        return (0..<outputs).map { k in
            let beta = Self.solve(factor, p, (0..<p).map { moment[$0 * outputs + k] })
            let coefficients = (0..<p).map { beta[$0] / scale[$0] }
            let intercept = targetMean[k] - zip(coefficients, mean).reduce(0) { $0 + $1.0 * $1.1 }
            return Fit(intercept: intercept, coefficients: coefficients)
        }
    }

    /// Lower-triangular L with LLᵀ = a (p × p, row-major).
    static func cholesky(_ a: [Double], _ p: Int) throws(FitError) -> [Double] {
        var l = [Double](repeating: 0, count: p * p)
        for i in 0..<p {
            for j in 0...i {
                var sum = a[i * p + j]
                for k in 0..<j { sum -= l[i * p + k] * l[j * p + k] }
                if i == j {
                    guard sum > 1e-12 * max(1, a[i * p + i]) else { throw .singular }
                    l[i * p + i] = sum.squareRoot()
                } else {
                    l[i * p + j] = sum / l[j * p + j]
                }
            }
        }
        return l
    }

    /// Solves LLᵀx = b.
    static func solve(_ l: [Double], _ p: Int, _ b: [Double]) -> [Double] {
        var y = b
        for i in 0..<p {
            for k in 0..<i { y[i] -= l[i * p + k] * y[k] }
            y[i] /= l[i * p + i]
        }
        var x = y
        for i in stride(from: p - 1, through: 0, by: -1) {
            for k in (i + 1)..<p where k < p { x[i] -= l[k * p + i] * x[k] }
            x[i] /= l[i * p + i]
        }
        return x
    }
}
