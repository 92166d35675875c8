import Foundation
import Hummingbird
import LeewayCore

/// An alert record v1 as one element of Alertmanager's `POST /api/v2/alerts` body: every
/// label and annotation a string (nulls left out), the record's id as label `alert_id`,
/// `startsAt`, and `endsAt` only once resolved (a firing alert without it stays active in
/// Alertmanager for its `resolve_timeout` after it was last sent). `model` and
/// `model_version` go with the annotations: Alertmanager tells alerts apart by their labels,
/// and the record's id leaves them out too (an alert keeps its identity across an approval).
enum AlertmanagerAlert {
    /// The element for `record`, or nil when it is not an alert record v1. A `runbook_url`
    /// that is a path in the repository (`docs/runbooks/…`) is joined to `runbookBase`.
    static func element(_ record: ByteBuffer, runbookBase: String? = nil) -> [String: Any]? {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(buffer: record))) as? [String: Any],
              let id = object["id"] as? String, let status = object["status"] as? String,
              let labels = object["labels"] as? [String: Any], let startsAt = object["startsAt"] as? String else { return nil }
        var identifying = strings(labels)
        var annotations = strings(object["annotations"] as? [String: Any] ?? [:])
        for name in ["model", "model_version"] { annotations[name] = identifying.removeValue(forKey: name) }
        if let runbookBase, let path = annotations["runbook_url"], !path.contains("://") {
            annotations["runbook_url"] = (runbookBase.hasSuffix("/") ? runbookBase : runbookBase + "/") + path
        }
        identifying["alert_id"] = id
        var element: [String: Any] = [
            "labels": identifying,
            "annotations": annotations,
            "startsAt": startsAt,
        ]
        if status == "resolved", let endsAt = object["endsAt"] as? String { element["endsAt"] = endsAt }
        return element
    }

    /// The request body for `records`: a JSON array (records that are not alerts left out).
    /// Each firing alert goes with its copies at the other severities, resolved at `now`:
    /// `severity` is a label, so an alert that changed severity (here, or while no relay ran)
    /// would otherwise leave its old copy active in Alertmanager until `resolve_timeout`,
    /// which then reports a resolution for a problem that still fires.
    static func body(_ records: [ByteBuffer], now: EventTime = .now, runbookBase: String? = nil) -> Data {
        var elements: [[String: Any]] = []
        for record in records {
            guard let element = element(record, runbookBase: runbookBase) else { continue }
            elements.append(element)
            elements += otherSeverities(of: element, endingAt: now)
        }
        return (try? JSONSerialization.data(withJSONObject: elements, options: [.sortedKeys])) ?? Data("[]".utf8)
    }

    /// A firing element's copies at every other severity, ending at `now` (or at its start,
    /// if that is later: Alertmanager refuses an alert that ends before it starts).
    static func otherSeverities(of element: [String: Any], endingAt now: EventTime) -> [[String: Any]] {
        guard element["endsAt"] == nil, let labels = element["labels"] as? [String: String],
              let severity = labels["severity"], let startsAt = element["startsAt"] as? String else { return [] }
        let endsAt = EventTime(rfc3339: startsAt).map { max($0, now) } ?? now
        return AlertSeverity.allCases.filter { $0.rawValue != severity }.map { other in
            var copy = element
            var relabelled = labels
            relabelled["severity"] = other.rawValue
            copy["labels"] = relabelled
            copy["endsAt"] = endsAt.description
            return copy
        }
    }

    private static func strings(_ members: [String: Any]) -> [String: String] {
        members.compactMapValues { value in
            switch value {
            case let text as String: text
            case let number as NSNumber: number.stringValue
            default: nil
            }
        }
    }
}
