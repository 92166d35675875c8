import LeewayCore
import Testing

@Suite("Window tests against a reference")
struct WindowTestTests {
    static let reference = ReferenceDistribution(sample: (0..<100).map(Double.init))

    @Test("deciles of 0…99: edges at every tenth value, the ends' bins 11 % and 9 %")
    func deciles() {
        #expect(Self.reference.edges == [10, 20, 30, 40, 50, 60, 70, 80, 90])
        #expect(Self.reference.fractions == [0.11, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.09])
        #expect(Self.reference.bin(of: 10) == 0 && Self.reference.bin(of: 10.5) == 1 && Self.reference.bin(of: 1e9) == 9)
    }

    @Test("PSI: 0 for the reference itself; everything in the top bin gives the value from the definition")
    func psi() {
        #expect(abs(PopulationStability.index((0..<100).map(Double.init), against: Self.reference)) < 1e-12)
        // All 50 values above 90: actual = [ε × 9, 1], expected = [.11, .1 × 8, .09], ε = 1e-4.
        let shifted = PopulationStability.index([Double](repeating: 95, count: 50), against: Self.reference)
        let expected = (1e-4 - 0.11) * log(1e-4 / 0.11) + 8 * (1e-4 - 0.1) * log(1e-4 / 0.1) + (1 - 0.09) * log(1 / 0.09)
        #expect(abs(shifted - expected) < 1e-12)
        #expect(shifted > PopulationStability.alert)
        // A mild shift: half the bins' mass moves one bin up.
        let mild = PopulationStability.index((0..<100).map { Double($0 + 5) }, against: Self.reference)
        #expect(mild < PopulationStability.warning)
    }

    @Test("KS: D is the largest gap between the two ECDFs; p from the Kolmogorov series with Stephens' correction")
    func kolmogorovSmirnov() {
        let apart = KolmogorovSmirnov.test([1, 2, 3, 4, 5], [6, 7, 8, 9, 10])
        #expect(apart.statistic == 1)
        let en = (25.0 / 10).squareRoot()
        let lambda = en + 0.12 + 0.11 / en
        let q = 2 * (exp(-2 * lambda * lambda) - exp(-8 * lambda * lambda) + exp(-18 * lambda * lambda))
        #expect(abs(apart.pValue - q) < 1e-9)
        #expect(KolmogorovSmirnov.test([1, 2, 3, 4], [3, 4, 5, 6]).statistic == 0.5)
        let same = KolmogorovSmirnov.test([1, 2, 3], [1, 2, 3])
        #expect(same.statistic == 0 && same.pValue == 1)
    }
}

#if canImport(Glibc)
import Glibc
#endif
