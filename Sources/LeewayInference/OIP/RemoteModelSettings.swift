/// How a processor calls a model server: bounded, timed, retried, and quick to fall back
/// while the server is down so that the record path never stalls on it.
public struct RemoteModelSettings: Sendable, Equatable {
    /// Longest wait for one HTTP call.
    public var timeout: Duration = .seconds(1)
    /// Further attempts after a failed call (connection refused, 5xx, a timeout), within ``deadline``.
    public var retries = 2
    /// Pause before the first retry; doubled before each next one.
    public var backoff: Duration = .milliseconds(50)
    /// Longest time one batch may spend on the server, retries included; then the batch falls back.
    public var deadline: Duration = .seconds(2)
    /// Calls in flight at once per model (a large batch is split into requests of ``rowsPerRequest``).
    public var concurrency = 4
    /// Rows per infer request.
    public var rowsPerRequest = 256
    /// After a failed batch, batches fall back at once (no call) while the model's `ready`
    /// endpoint is asked in the background this often; its first 200 resumes infer calls.
    public var quietPeriod: Duration = .seconds(1)

    /// The defaults.
    public init() {}
}
