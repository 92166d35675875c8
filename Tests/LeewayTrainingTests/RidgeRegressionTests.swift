import Testing
@testable import LeewayTraining

@Suite struct RidgeRegressionTests {
    @Test func recoversExactCoefficientsOfTwoTargets() throws {
        // y1 = 2 + 3·a − 0.5·b,  y2 = −1 + 0.25·a + 4·b on an irregular grid.
        var features: [[Double]] = [], targets: [[Double]] = []
        for i in 0..<50 {
            let a = Double(i % 7) * 1.5 + 0.1 * Double(i), b = Double((i * 13) % 11) - 3
            features.append([a, b])
            targets.append([2 + 3 * a - 0.5 * b, -1 + 0.25 * a + 4 * b])
        }
        let fits = try RidgeRegression(penalty: 0).fit(features: features, targets: targets)
        #expect(abs(fits[0].intercept - 2) < 1e-9 && abs(fits[0].coefficients[0] - 3) < 1e-9 && abs(fits[0].coefficients[1] + 0.5) < 1e-9)
        #expect(abs(fits[1].intercept + 1) < 1e-9 && abs(fits[1].coefficients[0] - 0.25) < 1e-9 && abs(fits[1].coefficients[1] - 4) < 1e-9)
    }

    @Test func penaltyShrinksWeightsTowardZero() throws {
        let features = (0..<20).map { [Double($0)] }, targets = (0..<20).map { [5 * Double($0)] }
        let free = try RidgeRegression(penalty: 0).fit(features: features, targets: targets)[0].coefficients[0]
        let shrunk = try RidgeRegression(penalty: 1).fit(features: features, targets: targets)[0].coefficients[0]
        #expect(abs(free - 5) < 1e-9)
        #expect(abs(shrunk - 2.5) < 1e-9)  // standardized: β = Σzy / (Σz² + n) = n·σ·5 / 2n
    }

    @Test func refusesCollinearAndTooFewRows() {
        let collinear = (0..<10).map { [Double($0), 2 * Double($0)] }
        #expect(throws: RidgeRegression.FitError.singular) {
            try RidgeRegression(penalty: 0).fit(features: collinear, targets: collinear.map { [$0[0]] })
        }
        #expect(throws: RidgeRegression.FitError.tooFewRows(rows: 2, needed: 4)) {
            try RidgeRegression().fit(features: [[1, 2], [3, 4]], targets: [[1], [2]])
        }
    }
}
