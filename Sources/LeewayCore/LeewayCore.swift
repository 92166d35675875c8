/// Leeway's pure domain: telemetry, features, drift and models. No I/O lives here.
public enum LeewayCore {
    /// The version of the record contracts this build speaks.
    public static let schemaVersion = 1
}
