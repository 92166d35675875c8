/// What became of a report at its vessel's state.
public enum Admission: Sendable, Equatable {
    /// Applied: the features moved.
    case applied
    /// Older than the newest report by more than the allowed lateness: counted, not applied.
    case late
    /// An exact resend of an applied report (same vessel, same `ts`): dropped.
    case duplicate
    /// Already in the state (a replay after a crash): its outputs exist, skip it.
    case replayed
}
