import LeewayCore

/// `leeway train`'s fit of one vessel type: shaft power as the hull's power law T^b·V^a
/// (exponents learned within physical bounds, pulled towards Admiralty law's 2/3 and 3 by a
/// prior) scaled by fouling and waves, plus wind, every coefficient non-negative and no
/// power at rest; then fuel from that predicted power through the engine's curve, with a
/// non-negative hotel load. Both are weighted so that every report counts by its relative
/// error, as the drift watch does; each target's ridge penalty is chosen on the latest
/// ``validationFraction`` of the rows and the equation refitted on all of them. Ships of a
/// type differ: each ship's hull and fuel factor (``LeewayCore/VesselCalibration``) is fitted
/// alongside, alternating with the type's coefficients and shrunk towards 1, so that the
/// type's weather and fouling effects are learnt from how each ship's own power varies.
public struct AdmiraltyFit: Sendable {
    /// Shaft power's terms.
    public var powerTerms = PhysicsTerm.shaftPower
    /// Fuel's terms.
    public var fuelTerms = PhysicsTerm.fuel
    /// Installed power of the type, kW (the load curve's reference).
    public var maxPower: Double
    /// Allowed speed exponent.
    public var speedExponents: ClosedRange<Double> = 2.0...4.5
    /// Allowed draught exponent.
    public var draftExponents: ClosedRange<Double> = 0.2...1.5
    /// Standard deviation of the exponents' prior around Admiralty law.
    public var priorWidth = 0.5
    /// Penalties tried, per unit of weight on standardized coefficients.
    public var penalties = Self.defaultPenalties
    /// No penalty, then 1e-6 to 1e-2.
    public static let defaultPenalties: [Double] = [0, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2]
    /// The latest share of rows (by time) that scores each penalty.
    public var validationFraction = 0.25
    /// Pseudo-reports pulling each ship's factors towards 1.
    public var calibrationShrinkage = 2.0
    /// Most rounds of alternating the type's coefficients and the ships' factors (it stops
    /// earlier once no factor moves by more than 0.01 %).
    public var calibrationRounds = 12

    /// A fit for a type with `maxPower` kW installed.
    /// The type's lowest specific fuel consumption, g/kWh: bounds the load curve's coefficient.
    public var minimumSFOC: Double
    /// How much specific consumption may rise per unit of squared load away from 80 %, as a
    /// share of its minimum (0.6: +22 % at 20 % load). Two days in one speed band cannot tell
    /// the engine's curve from noise; the bound keeps an extrapolated curve an engine's.
    public var loadCurveLimit = 0.6

    /// A fit for a type with `maxPower` kW installed and an engine of `minimumSFOC` g/kWh at best.
    public init(maxPower: Double, minimumSFOC: Double) {
        self.maxPower = maxPower
        self.minimumSFOC = minimumSFOC
    }

    /// A penalty and its validation score.
    public struct Candidate: Sendable, Equatable {
        /// The penalty.
        public var penalty: Double
        /// Weighted relative RMSE on the validation rows.
        public var validationRMSE: Double
    }

    /// One target's equation and how its penalty was chosen.
    public struct TargetFit: Sendable {
        /// Intercept and coefficients.
        public var fit: BoundedRidge.Fit
        /// The penalty chosen.
        public var penalty: Double
        /// Every penalty tried.
        public var candidates: [Candidate]
    }

    /// Both equations and the exponents.
    public struct Result: Sendable {
        /// The hull's exponents.
        public var exponents: PhysicsExponents
        /// Shaft power's equation over ``powerTerms``.
        public var power: TargetFit
        /// Fuel's equation over ``fuelTerms``.
        public var fuel: TargetFit
        /// Rows that scored the penalties.
        public var validationRows: Int
        /// Each ship's factors and the reports they were learnt from, by vessel id.
        public var calibrations: [String: (calibration: VesselCalibration, records: Int)]
    }

    /// Why the fit is impossible.
    public enum FitError: Error, Equatable, CustomStringConvertible {
        /// Too few rows with positive fuel and power.
        case tooFewRows(rows: Int, needed: Int)

        public var description: String {
            switch self {
            case .tooFewRows(let rows, let needed): "\(rows) training rows with positive fuel and power; at least \(needed) are needed"
            }
        }
    }

    /// Fits time-ordered `inputs` of ships `vessels` with their measured `power` (kW) and `fuel` (t/h).
    public func fit(_ inputs: [PhysicsInputs], vessels: [String], power: [Double], fuel: [Double]) throws(FitError) -> Result {
        var rows: [PhysicsInputs] = [], p: [Double] = [], f: [Double] = [], ids: [String] = []
        for index in inputs.indices where power[index] > 0 && fuel[index] > 0 && power[index].isFinite && fuel[index].isFinite {
            rows.append(inputs[index])
            p.append(power[index])
            f.append(fuel[index])
            ids.append(vessels[index])
        }
        let needed = 4 * (powerTerms.count + 2)
        guard rows.count >= needed else { throw .tooFewRows(rows: rows.count, needed: needed) }
        let names = Array(Set(ids)).sorted()
        let position = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        let ship = ids.map { position[$0]! }
        var counts = [Int](repeating: 0, count: names.count)
        for index in ship { counts[index] += 1 }

        // Shaft power: exponents, type coefficients and ship factors in turn.
        let powerRidge = BoundedRidge(constraints: powerTerms.map(constraint), intercept: 0...0)
        let weights = p.map { 1 / ($0 * $0) }
        var hull = [Double](repeating: 1, count: names.count)
        var exponents = searchExponents(rows, p, scale: ship.map { hull[$0] }, last: nil)
        for _ in 0..<calibrationRounds {
            let raw = rows.map { row in powerTerms.map { $0.value(row, exponents: exponents) } }
            let fit = powerRidge.fit(features: scaled(raw, ship, hull, powerTerms.map(\.isHullTerm)), target: p, weights: weights, penalty: 1e-6)
            let next = factors(raw.map { parts(fit, $0, powerTerms.map(\.isHullTerm)) }, target: p, weights: weights, ship: ship, counts: counts)
            let moved = zip(next, hull).map { abs($0 / $1 - 1) }.max() ?? 0
            hull = next
            let searched = searchExponents(rows, p, scale: ship.map { hull[$0] }, last: exponents)
            if moved < 1e-4 && searched == exponents { break }
            exponents = searched
        }
        let hullMask = powerTerms.map(\.isHullTerm)
        let powerFeatures = scaled(rows.map { row in powerTerms.map { $0.value(row, exponents: exponents) } }, ship, hull, hullMask)
        let powerFit = choose(powerRidge, powerFeatures, p)

        // Fuel from predicted power, with each ship's fuel factor.
        let predicted = powerFeatures.map { LinearCombination.value(powerFit.fit, $0) }
        let fuelRaw = zip(rows, predicted).map { row, power in
            fuelTerms.map { $0.value(row, exponents: exponents, power: power, maxPower: maxPower) }
        }
        // The engine's curve alone, and with a hotel load: the hotel load stays only when the
        // validation split prefers it by more than 1 % (one speed band cannot tell them apart,
        // and a hotel load extrapolated to low speed bends the fuel curve flat).
        let engineOnly = fitFuel(fuelRaw, f, ship: ship, counts: counts, hotelLoad: 0...0)
        let withHotel = fitFuel(fuelRaw, f, ship: ship, counts: counts, hotelLoad: 0...Double.greatestFiniteMagnitude)
        let best = { (fit: TargetFit) in fit.candidates.map(\.validationRMSE).min() ?? .infinity }
        let (fuelFit, engine) = best(withHotel.fit) < 0.99 * best(engineOnly.fit) ? withHotel : engineOnly
        var calibrations: [String: (calibration: VesselCalibration, records: Int)] = [:]
        for (index, name) in names.enumerated() {
            calibrations[name] = (VesselCalibration(hull: hull[index], fuel: engine[index]), counts[index])
        }
        return Result(exponents: exponents, power: powerFit, fuel: fuelFit, validationRows: rows.count - cut(rows.count),
                      calibrations: calibrations)
    }

    /// Fuel's equation with the hotel load within `hotelLoad`, alternating with each ship's
    /// fuel factor; the factors it ends with.
    private func fitFuel(_ raw: [[Double]], _ f: [Double], ship: [Int], counts: [Int], hotelLoad: ClosedRange<Double>)
        -> (fit: TargetFit, factors: [Double]) {
        let ridge = BoundedRidge(constraints: fuelTerms.map(constraint), intercept: hotelLoad)
        let weights = f.map { 1 / ($0 * $0) }
        let all = fuelTerms.map { _ in true }
        var engine = [Double](repeating: 1, count: counts.count)
        for _ in 0..<calibrationRounds {
            let fit = ridge.fit(features: scaled(raw, ship, engine, all), target: f, weights: weights, penalty: 1e-6)
            let next = factors(raw.map { parts(fit, $0, all) }, target: f, weights: weights, ship: ship, counts: counts)
            let moved = zip(next, engine).map { abs($0 / $1 - 1) }.max() ?? 0
            engine = next
            if moved < 1e-4 { break }
        }
        return (choose(ridge, scaled(raw, ship, engine, all), f), engine)
    }

    /// `rows` with the masked columns multiplied by each row's ship factor.
    private func scaled(_ rows: [[Double]], _ ship: [Int], _ factor: [Double], _ mask: [Bool]) -> [[Double]] {
        zip(rows, ship).map { row, index in
            var row = row
            for column in row.indices where mask[column] { row[column] *= factor[index] }
            return row
        }
    }

    /// The fitted value split into the part a ship factor scales and the rest.
    private func parts(_ fit: BoundedRidge.Fit, _ row: [Double], _ mask: [Bool]) -> (scaledPart: Double, fixed: Double) {
        var scaled = 0.0, fixed = fit.intercept
        for column in row.indices {
            if mask[column] { scaled += fit.coefficients[column] * row[column] } else { fixed += fit.coefficients[column] * row[column] }
        }
        return (scaled, fixed)
    }

    /// Each ship's factor on the scaled part: weighted least squares shrunk towards 1 by
    /// ``calibrationShrinkage`` pseudo-reports, then normalized to a geometric mean of 1 over
    /// the reports (the type's model stays the typical ship).
    private func factors(_ parts: [(scaledPart: Double, fixed: Double)], target: [Double], weights: [Double], ship: [Int],
                         counts: [Int]) -> [Double] {
        var numerator = [Double](repeating: calibrationShrinkage, count: counts.count)
        var denominator = [Double](repeating: calibrationShrinkage, count: counts.count)
        for index in parts.indices {
            let part = parts[index]
            numerator[ship[index]] += weights[index] * part.scaledPart * (target[index] - part.fixed)
            denominator[ship[index]] += weights[index] * part.scaledPart * part.scaledPart
        }
        var factors = zip(numerator, denominator).map { $1 > 0 ? max($0 / $1, 0.2) : 1 }
        let total = Double(counts.reduce(0, +))
        let logMean = zip(factors, counts).reduce(0.0) { $0 + log($1.0) * Double($1.1) } / max(total, 1)
        let mean = exp(logMean)
        factors = factors.map { $0 / mean }
        return factors
    }

    /// The bounds of `term`'s coefficient: non-negative; the main terms unpenalized; the
    /// load curve at most ``loadCurveLimit`` of the minimum specific consumption.
    public func constraint(_ term: PhysicsTerm) -> BoundedRidge.Constraint {
        switch term {
        case .hull, .predictedPower: BoundedRidge.Constraint(0...Double.greatestFiniteMagnitude, penalized: false)
        case .predictedPowerLoad: BoundedRidge.Constraint(0...(loadCurveLimit * minimumSFOC * 1e-6))
        default: .nonNegative
        }
    }

    private func cut(_ rows: Int) -> Int { rows - max(1, Int(Double(rows) * validationFraction)) }

    /// The penalty with the best validation score (the strongest within 1 % of it), refitted on every row.
    private func choose(_ ridge: BoundedRidge, _ x: [[Double]], _ y: [Double]) -> TargetFit {
        let weights = y.map { 1 / ($0 * $0) }
        let split = cut(x.count)
        let candidates = penalties.map { penalty in
            let fit = ridge.fit(features: Array(x[..<split]), target: Array(y[..<split]), weights: Array(weights[..<split]), penalty: penalty)
            let squared = (split..<x.count).reduce(0.0) { sum, index in
                let relative = (y[index] - LinearCombination.value(fit, x[index])) / y[index]
                return sum + relative * relative
            }
            return Candidate(penalty: penalty, validationRMSE: (squared / Double(max(x.count - split, 1))).squareRoot())
        }
        let best = candidates.map(\.validationRMSE).min() ?? 0
        let chosen = candidates.filter { $0.validationRMSE <= best * 1.01 }.map(\.penalty).max() ?? 0
        return TargetFit(fit: ridge.fit(features: x, target: y, weights: weights, penalty: chosen), penalty: chosen, candidates: candidates)
    }

    /// The exponents of the highest posterior: the weighted residual's likelihood with a
    /// Gaussian prior of width ``priorWidth`` around Admiralty law: a coarse grid, then a fine
    /// one around its best; given the last round's exponents, only their neighbours.
    private func searchExponents(_ rows: [PhysicsInputs], _ power: [Double], scale: [Double], last: PhysicsExponents?) -> PhysicsExponents {
        let mask = powerTerms.map(\.isHullTerm)
        let ridge = BoundedRidge(constraints: powerTerms.map(constraint), intercept: 0...0)
        let weights = power.map { 1 / ($0 * $0) }
        let prior = PhysicsExponents.admiralty
        func score(_ exponents: PhysicsExponents) -> Double {
            let x = zip(rows, scale).map { row, factor in
                powerTerms.indices.map { powerTerms[$0].value(row, exponents: exponents) * (mask[$0] ? factor : 1) }
            }
            let fit = ridge.fit(features: x, target: power, weights: weights, penalty: 1e-6)
            var squared = 0.0
            for index in x.indices {
                let relative = (power[index] - LinearCombination.value(fit, x[index])) / power[index]
                squared += relative * relative
            }
            let n = Double(rows.count)
            let a = (exponents.speed - prior.speed) / priorWidth, b = (exponents.draft - prior.draft) / priorWidth
            return n * log(max(squared / n, 1e-300)) + a * a + b * b
        }
        func grid(_ speeds: ClosedRange<Double>, _ speedStep: Double, _ drafts: ClosedRange<Double>, _ draftStep: Double) -> PhysicsExponents {
            var best = (score: Double.infinity, exponents: prior)
            for speed in stride(from: speeds.lowerBound, through: speeds.upperBound + 1e-9, by: speedStep) {
                for draft in stride(from: drafts.lowerBound, through: drafts.upperBound + 1e-9, by: draftStep) {
                    let candidate = PhysicsExponents(speed: speed, draft: draft)
                    let value = score(candidate)
                    if value < best.score { best = (value, candidate) }
                }
            }
            return best.exponents
        }
        func around(_ center: PhysicsExponents, _ speed: Double, _ draft: Double) -> PhysicsExponents {
            grid(max(speedExponents.lowerBound, center.speed - speed)...min(speedExponents.upperBound, center.speed + speed), 0.05,
                 max(draftExponents.lowerBound, center.draft - draft)...min(draftExponents.upperBound, center.draft + draft), 0.05)
        }
        if let last { return around(last, 0.05, 0.05) }
        return around(grid(speedExponents, 0.25, draftExponents, 0.2), 0.2, 0.15)
    }
}

/// intercept + coefficients · row.
enum LinearCombination {
    static func value(_ fit: BoundedRidge.Fit, _ row: [Double]) -> Double {
        var sum = fit.intercept
        for index in row.indices { sum += fit.coefficients[index] * row[index] }
        return sum
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
