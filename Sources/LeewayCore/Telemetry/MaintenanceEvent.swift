/// Maintenance that changes how a vessel is expected to behave; telemetry's `event`.
public enum MaintenanceEvent: String, Sendable, CaseIterable, Codable {
    case hullCleaning = "hull_cleaning"
    case propellerPolish = "propeller_polish"
    case dryDock = "dry_dock"
    case engineOverhaul = "engine_overhaul"

    init?(bytes: UnsafeRawBufferPointer) {
        for event in Self.allCases where event.rawValue.utf8.count == bytes.count && bytes.elementsEqual(event.rawValue.utf8) {
            self = event
            return
        }
        return nil
    }
}
