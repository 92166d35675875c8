/// A drift or data-quality alert as published on `fleet.drift-alerts.v1` (alert record v1,
/// `topics/schemas/alert.v1.schema.json`): Alertmanager-style labels and annotations, the
/// time it started and (once resolved) ended, and its status.
public struct DriftAlert: Sendable, Equatable {
    /// Firing or resolved.
    public enum Status: String, Sendable { case firing, resolved }

    /// What the alert is about; together they identify it.
    public struct Labels: Sendable, Equatable {
        /// E.g. `FuelResidualDrift`, `StuckSensor`.
        public var alertname: String
        public var severity: AlertSeverity
        public var vesselType: VesselType
        /// Nil for a type-wide (data drift) alert.
        public var vesselID: String?
        public var model: String
        public var modelVersion: Int
        /// The feature or target watched, e.g. `fuel_rate_tph`.
        public var feature: String
        /// E.g. `page_hinkley`, `adwin`, `psi`, `ks`.
        public var detector: String

        /// Labels for one alert.
        public init(alertname: String, severity: AlertSeverity, vesselType: VesselType, vesselID: String?,
                    model: String, modelVersion: Int, feature: String, detector: String) {
            self.alertname = alertname
            self.severity = severity
            self.vesselType = vesselType
            self.vesselID = vesselID
            self.model = model
            self.modelVersion = modelVersion
            self.feature = feature
            self.detector = detector
        }
    }

    /// What an on-call engineer reads.
    public struct Annotations: Sendable, Equatable {
        public var summary: String
        /// The detector's statistic when it fired.
        public var statistic: Double
        public var threshold: Double
        /// The window the statistic covers, e.g. `since 2026-11-30T08:00:00Z` or `24h`.
        public var window: String
        /// The reference it was compared with, e.g. the model's training period.
        public var referencePeriod: String
        public var runbookURL: String
        /// The model's audit report, if any.
        public var reportURL: String?

        /// Annotations for one alert.
        public init(summary: String, statistic: Double, threshold: Double, window: String, referencePeriod: String,
                    runbookURL: String, reportURL: String? = nil) {
            self.summary = summary
            self.statistic = statistic
            self.threshold = threshold
            self.window = window
            self.referencePeriod = referencePeriod
            self.runbookURL = runbookURL
            self.reportURL = reportURL
        }
    }

    public var labels: Labels
    public var annotations: Annotations
    public var startsAt: EventTime
    /// Nil while firing.
    public var endsAt: EventTime?
    public var status: Status

    /// An alert record.
    public init(labels: Labels, annotations: Annotations, startsAt: EventTime, endsAt: EventTime?, status: Status) {
        self.labels = labels
        self.annotations = annotations
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.status = status
    }

    /// The record key: a stable id of the labels that identify the alert (all but severity,
    /// model and model_version), so firing, escalation and resolution of one alert share a
    /// key even when a new model was approved in between.
    public var id: String { labels.id }
}

extension DriftAlert.Labels {
    /// A stable id of the labels that identify an alert: what it is about (alert name, vessel
    /// type and vessel, feature, detector), not its severity or the model serving when it
    /// changed. The alert's record key.
    public var id: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let identity = [alertname, vesselType.rawValue, vesselID ?? "", feature, detector].joined(separator: "\u{1F}")
        for byte in identity.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
