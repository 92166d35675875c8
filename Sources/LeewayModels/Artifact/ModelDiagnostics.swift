/// What an artifact keeps of its holdout for the audit report, so the report can be drawn
/// again anywhere from the artifact alone: a sample of points, the residual histogram and
/// residuals per vessel. All about the fuel target.
public struct ModelDiagnostics: Codable, Sendable, Equatable {
    /// Up to a few hundred holdout reports, evenly spaced in time.
    public var samples: [Sample]
    /// Relative fuel residuals (actual ÷ predicted − 1, percent) in equal bins.
    public var residualHistogram: Histogram
    /// Fuel residuals per vessel on the holdout.
    public var vessels: [VesselResidual]
    /// The model's fuel against speed at ballast and laden draught, as the physics checks
    /// asked it (calm water, clean hull); absent in artifacts made before they were kept.
    public var speedCurves: [SpeedCurve]?

    /// Diagnostics from their parts.
    public init(samples: [Sample], residualHistogram: Histogram, vessels: [VesselResidual], speedCurves: [SpeedCurve]? = nil) {
        self.samples = samples
        self.residualHistogram = residualHistogram
        self.vessels = vessels
        self.speedCurves = speedCurves
    }

    /// The model's predicted fuel across speeds at one draught.
    public struct SpeedCurve: Codable, Sendable, Equatable {
        /// Draught, metres.
        public var draftM: Double
        /// Speeds through water, knots.
        public var stwKn: [Double]
        /// Predicted fuel at each speed, t/h.
        public var fuelRateTph: [Double]

        /// A curve.
        public init(draftM: Double, stwKn: [Double], fuelRateTph: [Double]) {
            self.draftM = draftM
            self.stwKn = stwKn
            self.fuelRateTph = fuelRateTph
        }
    }

    /// One holdout report.
    public struct Sample: Codable, Sendable, Equatable {
        /// Speed through water, knots.
        public var stwKn: Double
        /// Draught, metres.
        public var draftM: Double
        /// Measured fuel, t/h.
        public var actual: Double
        /// Predicted fuel, t/h.
        public var predicted: Double

        /// A sample.
        public init(stwKn: Double, draftM: Double, actual: Double, predicted: Double) {
            self.stwKn = stwKn
            self.draftM = draftM
            self.actual = actual
            self.predicted = predicted
        }
    }

    /// Counts in equal-width bins from `lower` in steps of `width`.
    public struct Histogram: Codable, Sendable, Equatable {
        /// Left edge of the first bin.
        public var lower: Double
        /// Bin width.
        public var width: Double
        /// Count per bin.
        public var counts: [Int]

        /// A histogram.
        public init(lower: Double, width: Double, counts: [Int]) {
            self.lower = lower
            self.width = width
            self.counts = counts
        }
    }

    /// One vessel's holdout residuals.
    public struct VesselResidual: Codable, Sendable, Equatable {
        /// The vessel's id.
        public var vesselId: String
        /// Holdout reports.
        public var records: Int
        /// Mean actual − predicted, t/h.
        public var bias: Double
        /// Bias as a fraction of the vessel's mean fuel.
        public var relativeBias: Double
        /// Root mean squared residual, t/h.
        public var rmse: Double

        /// A vessel's residuals.
        public init(vesselId: String, records: Int, bias: Double, relativeBias: Double, rmse: Double) {
            self.vesselId = vesselId
            self.records = records
            self.bias = bias
            self.relativeBias = relativeBias
            self.rmse = rmse
        }
    }
}
