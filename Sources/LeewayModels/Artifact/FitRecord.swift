/// How a model's coefficients were fitted, for the audit: the method, the physical bounds
/// and priors, and the penalty each target chose on its validation split.
public struct FitRecord: Codable, Sendable, Equatable {
    /// One term's bounds and prior.
    public struct TermBound: Codable, Sendable, Equatable {
        /// The ``PhysicsTerm`` name.
        public var term: String
        /// Lowest and highest allowed coefficient (no highest: absent).
        public var lower: Double, upper: Double?
        /// The value the penalty pulls towards.
        public var prior: Double

        /// A bound.
        public init(term: String, lower: Double, upper: Double?, prior: Double) {
            self.term = term
            self.lower = lower
            self.upper = upper
            self.prior = prior
        }
    }

    /// One penalty tried and its score.
    public struct PenaltyScore: Codable, Sendable, Equatable {
        /// The penalty, per row on standardized coefficients.
        public var penalty: Double
        /// RMSE of ln(target) on the validation split.
        public var validationRmse: Double

        /// A score.
        public init(penalty: Double, validationRmse: Double) {
            self.penalty = penalty
            self.validationRmse = validationRmse
        }
    }

    /// One target's choice.
    public struct TargetFit: Codable, Sendable, Equatable {
        /// The target's record name.
        public var target: String
        /// The penalty chosen.
        public var penalty: Double
        /// Every penalty tried.
        public var candidates: [PenaltyScore]
        /// Terms whose coefficient ended on a bound.
        public var atBound: [String]

        /// A target's fit.
        public init(target: String, penalty: Double, candidates: [PenaltyScore], atBound: [String]) {
            self.target = target
            self.penalty = penalty
            self.candidates = candidates
            self.atBound = atBound
        }
    }

    /// E.g. `bounded-ridge-admiralty`.
    public var method: String
    /// Latest fitting reports that scored the penalties.
    public var validationRecords: Int
    /// Bounds and priors per term.
    public var bounds: [TermBound]
    /// Per target.
    public var targets: [TargetFit]

    /// A record.
    public init(method: String, validationRecords: Int, bounds: [TermBound], targets: [TargetFit]) {
        self.method = method
        self.validationRecords = validationRecords
        self.bounds = bounds
        self.targets = targets
    }
}
