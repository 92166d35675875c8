import Foundation
import Hummingbird
import LeewayCore

/// An alert record v1 as one element of Alertmanager's `POST /api/v2/alerts` body: every
/// label and annotation a string (nulls left out), the record's id as label `alert_id`,
/// `startsAt`, and `endsAt` only once resolved (a firing alert without it stays active in
/// Alertmanager for its `resolve_timeout` after it was last sent). `model` and
/// `model_version` go with the annotations: Alertmanager tells alerts apart by their labels,
/// and the record's id leaves them out too (an alert keeps its identity across an approval).
struct AlertmanagerAlert: Encodable, Equatable {
    var labels: [String: String]
    var annotations: [String: String]
    var startsAt: String
    var endsAt: String?

    /// The element for `record`, or nil when it is not an alert record v1. A `runbook_url`
    /// that is a path in the repository (`docs/runbooks/…`) is joined to `runbookBase`.
    init?(_ record: ByteBuffer, runbookBase: String? = nil) {
        guard let alert = AlertRecord.decode(record.readableBytesView) else { return nil }
        var identifying = alert.labels.compactMapValues(\.text)
        var annotations = alert.annotations.compactMapValues(\.text)
        for name in ["model", "model_version"] { annotations[name] = identifying.removeValue(forKey: name) }
        if let runbookBase, let path = annotations["runbook_url"], !path.contains("://") {
            annotations["runbook_url"] = (runbookBase.hasSuffix("/") ? runbookBase : runbookBase + "/") + path
        }
        identifying["alert_id"] = alert.id
        labels = identifying
        self.annotations = annotations
        startsAt = alert.startsAt
        endsAt = alert.status == .resolved ? alert.endsAt : nil
    }

    /// The request body for `records`: a JSON array (records that are not alerts left out).
    /// Each firing alert goes with its copies at the other severities, resolved at `now`:
    /// `severity` is a label, so an alert that changed severity (here, or while no relay ran)
    /// would otherwise leave its old copy active in Alertmanager until `resolve_timeout`,
    /// which then reports a resolution for a problem that still fires.
    static func body(_ records: [ByteBuffer], now: EventTime = .now, runbookBase: String? = nil) -> Data {
        var elements: [AlertmanagerAlert] = []
        for record in records {
            guard let element = AlertmanagerAlert(record, runbookBase: runbookBase) else { continue }
            elements.append(element)
            elements += element.otherSeverities(endingAt: now)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(elements)) ?? Data("[]".utf8)
    }

    /// A firing element's copies at every other severity, ending at `now` (or at its start,
    /// if that is later: Alertmanager refuses an alert that ends before it starts).
    func otherSeverities(endingAt now: EventTime) -> [AlertmanagerAlert] {
        guard endsAt == nil, let severity = labels["severity"] else { return [] }
        let ends = EventTime(rfc3339: startsAt).map { max($0, now) } ?? now
        return AlertSeverity.allCases.filter { $0.rawValue != severity }.map { other in
            var copy = self
            copy.labels["severity"] = other.rawValue
            copy.endsAt = ends.description
            return copy
        }
    }
}
