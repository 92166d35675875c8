import LeewayCore
import LeewayModels

/// `leeway train`'s work, pure: fit a `linear-physics` model for one vessel type, score it
/// on the time-based holdout, run the physics checks and write it all into an artifact.
/// By default the fit is ``AdmiraltyFit``: physically signed coefficients, learned exponents
/// within bounds, the penalty chosen on a validation split.
public struct Trainer: Sendable {
    /// How the coefficients are fitted.
    public enum Method: Sendable {
        /// ``AdmiraltyFit`` over ``PhysicsTerm/shaftPower`` and ``PhysicsTerm/fuel``.
        case admiralty
        /// An unconstrained ``RidgeRegression`` of both targets over ``Trainer/terms``.
        case ridge
    }

    /// The vessel type.
    public var vesselType: VesselType
    /// How the coefficients are fitted.
    public var method = Method.admiralty
    /// The regressors of ``Method/ridge``.
    public var terms: [PhysicsTerm] = PhysicsTerm.standard
    /// The regression of ``Method/ridge``.
    public var regression = RidgeRegression()
    /// Penalties ``Method/admiralty`` chooses from.
    public var penalties: [Double] = AdmiraltyFit(maxPower: 1, minimumSFOC: 1).penalties
    /// The checks.
    public var checks: PhysicsChecks

    /// A trainer for `type` with the standard terms and the type's checks.
    public init(type: VesselType) {
        vesselType = type
        checks = PhysicsChecks(hull: HullClass.typical(type))
    }

    /// What training produced: the artifact (version 0, pending until registered) and the
    /// holdout predictions its report draws.
    public struct Result: Sendable {
        /// The model artifact.
        public var artifact: ModelArtifact
        /// The data it was fitted and scored on.
        public var set: TrainingSet
        /// Holdout predictions.
        public var score: HoldoutScore
    }

    /// The raw inputs whose training distributions are recorded for data-drift tests.
    public static let referenceFields: [TelemetryField] = [
        .speedThroughWater, .draft, .windSpeed, .waveHeight, .daysSinceHullCleaning, .fuelRate, .shaftPower,
    ]

    /// Fewest fitting reports of a regime for its own reference distribution.
    public static let minimumRegimeReference = 200

    /// Deciles and percentiles of every reference field, and of each target's relative
    /// residual (percent) per operating regime (``DataDriftMonitor/key(_:regime:)``) where the
    /// regime has enough reports; one report per vessel-hour, as the monitor samples.
    static func references(_ rows: [TrainingSet.Row], model: LinearPhysicsModel, hull: HullClass) -> [String: ReferenceDistribution] {
        var references: [String: ReferenceDistribution] = [:]
        for field in referenceFields {
            references[field.jsonName] = ReferenceDistribution(sample: rows.compactMap { $0.report[field] })
        }
        var byRegime: [String: [Double]] = [:]
        var sampled = Set<String>()
        for row in rows {
            guard let regime = OperatingRegime(row.report, hull: hull),
                  sampled.insert("\(row.vesselID) \(row.eventTime.microseconds / 3_600_000_000)").inserted else { continue }
            let predicted = model.predict(row.inputs, calibration: model.calibration(for: row.vesselID))
            for target in DataDriftMonitor.targets {
                guard let actual = row.actuals[target], let expected = predicted[target],
                      let residual = DataDriftMonitor.residualPercent(actual: actual, predicted: expected) else { continue }
                byRegime[DataDriftMonitor.key(target, regime: regime), default: []].append(residual)
            }
        }
        for (key, sample) in byRegime where sample.count >= minimumRegimeReference {
            references[key] = ReferenceDistribution(sample: sample)
        }
        return references
    }

    /// Fits on `set`, read from `source`, at `createdAt` (RFC 3339).
    public func train(_ set: TrainingSet, source: String, createdAt: String) throws(TrainingError) -> Result {
        let fitted = try fit(set)
        let hull = checks.hull
        let identity = ModelIdentity(name: "\(vesselType.rawValue)-linear-physics", version: 0, kind: ModelArtifact.linearPhysicsKind)
        var equations: [PredictionTarget: LinearPhysicsModel.Equation] = [:]
        for (target, fit) in fitted.equations {
            equations[target] = .init(intercept: fit.intercept, coefficients: fit.coefficients, relativeResidualDeviation: 0,
                                      terms: fit.terms == fitted.terms ? nil : fit.terms)
        }
        let model = LinearPhysicsModel(identity: identity, terms: fitted.terms, equations: equations, assumedDraft: hull.ladenDraft,
                                       exponents: fitted.exponents, maxPower: hull.maxPower,
                                       calibrations: Dictionary(uniqueKeysWithValues: (fitted.vessels ?? []).map {
                                           ($0.vesselId, VesselCalibration(hull: $0.hullFactor, fuel: $0.fuelFactor))
                                       }))
        let score = HoldoutScore(model, on: set.holdout)
        let metrics = PredictionTarget.ordered.map { score.metrics($0) }
        let equationsOut = PredictionTarget.ordered.compactMap { target -> TargetEquation? in
            guard let fit = fitted.equations[target] else { return nil }
            return TargetEquation(name: "\(target.name)", unit: target.unit, intercept: fit.intercept,
                                  features: fit.terms == fitted.terms ? nil : fit.terms.map(\.rawValue), coefficients: fit.coefficients,
                                  residualStd: score.residualDeviation(target).absolute,
                                  relativeResidualStd: score.withinVesselDeviation(target))
        }
        let references = Self.references(set.fitting + set.holdout, model: model, hull: hull)
        let all = set.fitting + set.holdout
        let window = TrainingWindow(
            source: source, from: all.first.map { "\($0.eventTime)" } ?? "", to: all.last.map { "\($0.eventTime)" } ?? "",
            holdoutFrom: set.holdout.first.map { "\($0.eventTime)" } ?? "", records: set.fitting.count,
            holdoutRecords: set.holdout.count, vessels: set.vessels)
        let custom = fitted.exponents != .admiralty
        var artifact = ModelArtifact(
            name: identity.name, vesselType: vesselType, version: 0, kind: identity.kind, features: fitted.terms.map(\.rawValue),
            speedExponent: custom ? fitted.exponents.speed : nil, draftExponent: custom ? fitted.exponents.draft : nil,
            inputs: PhysicsInputs.layout.inputs.map(\.rawValue), featureCatalogue: FeatureCatalogue.version, fit: fitted.record, vessels: fitted.vessels,
            targets: equationsOut, assumedDraftM: hull.ladenDraft, training: window, metrics: metrics, references: references,
            checks: checks.run(model, metrics: metrics), diagnostics: score.diagnostics(), status: .pending, createdAt: createdAt, contentHash: "")
        artifact.contentHash = artifact.computedContentHash
        return Result(artifact: artifact, set: set, score: score)
    }

    /// What a fit produced: the shared terms, each target's equation, the exponents and the record.
    private struct Fitted {
        var terms: [PhysicsTerm]
        var equations: [PredictionTarget: (intercept: Double, coefficients: [Double], terms: [PhysicsTerm])]
        var exponents: PhysicsExponents
        var record: FitRecord?
        var vessels: [VesselFactor]?
    }

    private func fit(_ set: TrainingSet) throws(TrainingError) -> Fitted {
        let targets = PredictionTarget.ordered
        guard method == .admiralty else {
            let features = set.fitting.map { row in terms.map { $0.value(row.inputs) } }
            let values = set.fitting.map { row in targets.map { row.actuals[$0] ?? 0 } }
            let fits: [RidgeRegression.Fit]
            do {
                fits = try regression.fit(features: features, targets: values)
            } catch {
                throw .ridge(error)
            }
            var equations: [PredictionTarget: (intercept: Double, coefficients: [Double], terms: [PhysicsTerm])] = [:]
            for (target, fit) in zip(targets, fits) { equations[target] = (fit.intercept, fit.coefficients, terms) }
            return Fitted(terms: terms, equations: equations, exponents: .admiralty, record: nil)
        }
        var fitter = AdmiraltyFit(maxPower: checks.hull.maxPower, minimumSFOC: checks.hull.minimumSFOC)
        fitter.penalties = penalties
        let result: AdmiraltyFit.Result
        do {
            result = try fitter.fit(set.fitting.map(\.inputs), vessels: set.fitting.map(\.vesselID), power: set.fitting.map { $0.actuals[.shaftPower] ?? 0 },
                                    fuel: set.fitting.map { $0.actuals[.fuelRate] ?? 0 })
        } catch {
            throw .admiralty(error)
        }
        func record(_ target: PredictionTarget, _ fit: AdmiraltyFit.TargetFit, _ terms: [PhysicsTerm]) -> FitRecord.TargetFit {
            .init(target: "\(target.name)", penalty: fit.penalty,
                  candidates: fit.candidates.map { .init(penalty: $0.penalty, validationRmse: $0.validationRMSE) },
                  atBound: fit.fit.atBound.map { terms[$0].rawValue })
        }
        let bounds = [FitRecord.TermBound(term: "speed_exponent", lower: fitter.speedExponents.lowerBound, upper: fitter.speedExponents.upperBound,
                                          prior: PhysicsExponents.admiralty.speed),
                      FitRecord.TermBound(term: "draft_exponent", lower: fitter.draftExponents.lowerBound, upper: fitter.draftExponents.upperBound,
                                          prior: PhysicsExponents.admiralty.draft)]
            + (fitter.powerTerms + fitter.fuelTerms).map { term in
                let bounds = fitter.constraint(term).bounds
                return FitRecord.TermBound(term: term.rawValue, lower: bounds.lowerBound,
                                           upper: bounds.upperBound < Double.greatestFiniteMagnitude ? bounds.upperBound : nil, prior: 0)
            }
        let record = FitRecord(method: "bounded-ridge-admiralty", validationRecords: result.validationRows, bounds: bounds,
                               targets: [record(.shaftPower, result.power, fitter.powerTerms), record(.fuelRate, result.fuel, fitter.fuelTerms)])
        return Fitted(terms: fitter.powerTerms,
                      equations: [.shaftPower: (result.power.fit.intercept, result.power.fit.coefficients, fitter.powerTerms),
                                  .fuelRate: (result.fuel.fit.intercept, result.fuel.fit.coefficients, fitter.fuelTerms)],
                      exponents: result.exponents, record: record,
                      vessels: result.calibrations.keys.sorted().map { id in
                          let entry = result.calibrations[id]!
                          return VesselFactor(vesselId: id, hullFactor: entry.calibration.hull, fuelFactor: entry.calibration.fuel, records: entry.records)
                      })
    }
}

/// Why training produced no model.
public enum TrainingError: Error, Equatable, CustomStringConvertible {
    /// ``Trainer/Method/ridge`` failed.
    case ridge(RidgeRegression.FitError)
    /// ``Trainer/Method/admiralty`` failed.
    case admiralty(AdmiraltyFit.FitError)

    public var description: String {
        switch self {
        case .ridge(let error): error.description
        case .admiralty(let error): error.description
        }
    }
}
