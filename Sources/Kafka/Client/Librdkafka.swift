import CRdKafka

/// Facts about the librdkafka library this process loaded.
public enum Librdkafka {
    /// The loaded library's version, e.g. `"2.8.0"`.
    public static var version: String { String(cString: rd_kafka_version_str()) }

    /// The loaded library's version as (major, minor, patch).
    public static var versionTriple: (major: Int, minor: Int, patch: Int) {
        let v = Int(rd_kafka_version())
        return ((v >> 24) & 0xff, (v >> 16) & 0xff, (v >> 8) & 0xff)
    }

    /// The oldest librdkafka this layer supports: 2.0.x mis-parses the ApiVersions answer of the
    /// dev broker (Tansu).
    public static let minimumSupported = (major: 2, minor: 8, patch: 0)

    /// Whether the loaded library is at least ``minimumSupported``.
    public static var isSupported: Bool {
        let v = versionTriple, m = minimumSupported
        return (v.major, v.minor, v.patch) >= (m.major, m.minor, m.patch)
    }
}
