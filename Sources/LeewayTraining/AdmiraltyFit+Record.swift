import LeewayCore
import LeewayModels

extension AdmiraltyFit {
    /// What an artifact records of `result`: method, bounds and priors, and per target the
    /// penalties tried and the terms that ended on a bound.
    public func record(_ result: Result) -> FitRecord {
        func target(_ target: PredictionTarget, _ fit: TargetFit, _ terms: [PhysicsTerm]) -> FitRecord.TargetFit {
            .init(target: "\(target.name)", penalty: fit.penalty,
                  candidates: fit.candidates.map { .init(penalty: $0.penalty, validationRmse: $0.validationRMSE) },
                  atBound: fit.fit.atBound.map { terms[$0].rawValue })
        }
        let exponents = [
            FitRecord.TermBound(term: "speed_exponent", lower: speedExponents.lowerBound, upper: speedExponents.upperBound,
                                prior: PhysicsExponents.admiralty.speed),
            FitRecord.TermBound(term: "draft_exponent", lower: draftExponents.lowerBound, upper: draftExponents.upperBound,
                                prior: PhysicsExponents.admiralty.draft),
        ]
        let terms = (powerTerms + fuelTerms).map { term in
            let bounds = constraint(term).bounds
            return FitRecord.TermBound(term: term.rawValue, lower: bounds.lowerBound,
                                       upper: bounds.upperBound < Double.greatestFiniteMagnitude ? bounds.upperBound : nil, prior: 0)
        }
        return FitRecord(method: "bounded-ridge-admiralty", validationRecords: result.validationRows, bounds: exponents + terms,
                         targets: [target(.shaftPower, result.power, powerTerms), target(.fuelRate, result.fuel, fuelTerms)])
    }
}
