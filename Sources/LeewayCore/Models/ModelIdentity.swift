/// Which model made a prediction: every prediction names it.
public struct ModelIdentity: Sendable, Hashable {
    /// The model's name, e.g. `tanker-fuel`.
    public var name: String
    /// Monotonic per vessel type; 0 for the built-in physics baseline.
    public var version: Int
    /// How it predicts, e.g. `physics-baseline`, `linear-physics`.
    public var kind: String

    /// Names a model.
    public init(name: String, version: Int, kind: String) {
        self.name = name
        self.version = version
        self.kind = kind
    }
}
