/// A value per ``PredictionTarget``, each present or not, inline: a model's predictions
/// (all present) or a report's actuals (those it measured).
public struct TargetValues: Sendable, Equatable {
    private var values: InlineArray<2, Double>
    private var present: UInt8 = 0

    /// No values.
    public init() { values = InlineArray(repeating: 0) }

    /// The value of `target`, if present.
    public subscript(target: PredictionTarget) -> Double? {
        get { present & (1 << target.rawValue) != 0 ? values[target.rawValue] : nil }
        set {
            if let newValue {
                values[target.rawValue] = newValue
                present |= 1 << target.rawValue
            } else {
                present &= ~(1 << target.rawValue)
            }
        }
    }

    public static func == (a: Self, b: Self) -> Bool {
        PredictionTarget.ordered.allSatisfy { a[$0] == b[$0] }
    }
}
