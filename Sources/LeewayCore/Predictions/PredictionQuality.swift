/// What a consumer of a prediction should know about how it was made.
public struct PredictionQuality: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The report arrived after a newer one (within the allowed lateness).
    public static let outOfOrder = Self(rawValue: 1 << 0)
    /// The report had no draught; the vessel's last known (or the type's laden) draught was used.
    public static let draftAssumed = Self(rawValue: 1 << 1)
    /// The report had no days since hull cleaning; it was derived or assumed zero.
    public static let foulingAssumed = Self(rawValue: 1 << 2)
    /// No approved trained model for the type: the physics baseline answered.
    public static let baselineModel = Self(rawValue: 1 << 3)
    /// The type's approved batch model gave no answer (its runtime failed, its service was down
    /// or slow): the physics baseline answered in its place.
    public static let fallbackModel = Self(rawValue: 1 << 4)

    /// Flag names in prediction records, in bit order.
    static let names: [(Self, StaticString)] = [
        (.outOfOrder, "out_of_order"), (.draftAssumed, "draft_assumed"),
        (.foulingAssumed, "fouling_assumed"), (.baselineModel, "baseline_model"), (.fallbackModel, "fallback_model"),
    ]
}
