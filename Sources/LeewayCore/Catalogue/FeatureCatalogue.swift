/// The documented, versioned list of named model inputs (``ModelInput``). An artifact names
/// the catalogue version it was trained against and the inputs it reads, in order; the
/// processor builds that vector once per report (``InputLayout``) and training builds the
/// same vectors by replaying history through the same feature updater.
public enum FeatureCatalogue {
    /// The catalogue's version, stored in every artifact that declares inputs.
    public static let version = "model-inputs.v1"

    /// One catalogue entry as documented and served by `GET /v1/features/catalogue`.
    public struct Entry: Sendable, Equatable, Codable {
        /// The input's name.
        public var name: String
        /// `report` or `vessel`.
        public var source: String
        /// Its unit.
        public var unit: String
        /// Whether it includes the report's own measured fuel or power.
        public var readsMeasuredTargets: Bool
        /// What it is.
        public var description: String
    }

    /// Every entry, in catalogue order.
    public static let entries: [Entry] = ModelInput.ordered.map {
        Entry(name: $0.rawValue, source: $0.source.rawValue, unit: $0.unit, readsMeasuredTargets: $0.readsMeasuredTargets,
              description: $0.summary)
    }

    /// The inputs named `names`, in order; throws naming the first unknown one.
    public static func inputs(named names: [String]) throws(UnknownInput) -> [ModelInput] {
        var inputs: [ModelInput] = []
        inputs.reserveCapacity(names.count)
        for name in names {
            guard let input = ModelInput(rawValue: name) else { throw UnknownInput(name: name) }
            inputs.append(input)
        }
        return inputs
    }

    /// A name that is not in the catalogue.
    public struct UnknownInput: Error, Equatable, CustomStringConvertible {
        /// The name.
        public var name: String

        /// The unknown `name`.
        public init(name: String) { self.name = name }

        public var description: String { "\(name) is not in the feature catalogue \(FeatureCatalogue.version)" }
    }
}
