import Testing
@testable import LeewayTraining

@Suite struct BoundedRidgeTests {
    /// y = 1 + 2·a − 0.5·b on an irregular grid.
    private static let rows: [(x: [Double], y: Double)] = (0..<60).map { i in
        let a = Double(i % 7) * 1.5 + 0.1 * Double(i), b = Double((i * 13) % 11) - 3
        return ([a, b], 1 + 2 * a - 0.5 * b)
    }

    @Test func withLooseBoundsItIsLeastSquares() {
        let ridge = BoundedRidge(constraints: [.init(-10...10), .init(-10...10)])
        let fit = ridge.fit(features: Self.rows.map(\.x), target: Self.rows.map(\.y), penalty: 0)
        #expect(abs(fit.intercept - 1) < 1e-6 && abs(fit.coefficients[0] - 2) < 1e-6 && abs(fit.coefficients[1] + 0.5) < 1e-6, "\(fit)")
        #expect(fit.atBound.isEmpty)
    }

    @Test func aCoefficientTheDataWantNegativeStopsAtZero() {
        let ridge = BoundedRidge(constraints: [.nonNegative, .nonNegative])
        let fit = ridge.fit(features: Self.rows.map(\.x), target: Self.rows.map(\.y), penalty: 0)
        #expect(fit.coefficients[1] == 0, "\(fit)")
        #expect(fit.coefficients[0] > 0)
        #expect(fit.atBound == [1])
    }

    @Test func anInterceptBelowItsBoundIsFixedThere() {
        // y = −3 + 2·a: with the intercept held at 0 the slope absorbs what it can.
        let x = (1...40).map { [Double($0)] }, y = x.map { -3 + 2 * $0[0] }
        let fit = BoundedRidge(constraints: [.nonNegative], intercept: 0...100).fit(features: x, target: y, penalty: 0)
        #expect(fit.intercept == 0)
        #expect(fit.coefficients[0] > 1.8 && fit.coefficients[0] < 2, "\(fit)")
    }

    @Test func aConstantFeatureKeepsItsPriorAndThePenaltyPullsTowardsIt() {
        let x = (0..<30).map { [Double($0), 4.0] }, y = x.map { 3 * $0[0] }
        let ridge = BoundedRidge(constraints: [.init(-100...100, prior: 1), .init(0...10, prior: 0.5)])
        let free = ridge.fit(features: x, target: y, penalty: 0), pulled = ridge.fit(features: x, target: y, penalty: 1)
        #expect(free.coefficients[1] == 0.5 && pulled.coefficients[1] == 0.5)
        #expect(abs(free.coefficients[0] - 3) < 1e-9)
        #expect(abs(pulled.coefficients[0] - 2) < 1e-9, "standardized: γ = (Σzy + nσ·1) / 2n, so β = (3 + 1) / 2")
    }

    @Test func weightsDecideWhichRowsCount() {
        // Two lines; weighting the second family 1000× fits it.
        let x: [[Double]] = (0..<20).map { [Double($0 % 10)] }
        let y: [Double] = (0..<20).map { (index: Int) -> Double in (index < 10 ? 2.0 : 5.0) * Double(index % 10) }
        let weights: [Double] = (0..<20).map { $0 < 10 ? 1.0 : 1000.0 }
        let fit = BoundedRidge(constraints: [.nonNegative]).fit(features: x, target: y, weights: weights, penalty: 0)
        #expect(abs(fit.coefficients[0] - 5) < 0.01, "\(fit)")
    }
}
