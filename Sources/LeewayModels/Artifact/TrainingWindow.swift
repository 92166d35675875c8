/// Where and when the training data came from.
public struct TrainingWindow: Codable, Sendable, Equatable {
    /// A topic name or file path.
    public var source: String
    /// Earliest event time used (RFC 3339).
    public var from: String
    /// Latest event time used (RFC 3339).
    public var to: String
    /// Where the holdout starts: reports at or after it were held out (RFC 3339).
    public var holdoutFrom: String
    /// Reports fitted on.
    public var records: Int
    /// Reports held out.
    public var holdoutRecords: Int
    /// Distinct vessels.
    public var vessels: Int

    /// A window from its members.
    public init(source: String, from: String, to: String, holdoutFrom: String, records: Int, holdoutRecords: Int,
                vessels: Int) {
        self.source = source
        self.from = from
        self.to = to
        self.holdoutFrom = holdoutFrom
        self.records = records
        self.holdoutRecords = holdoutRecords
        self.vessels = vessels
    }
}
