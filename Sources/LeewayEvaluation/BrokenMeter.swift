import LeewayCore

/// A fuel meter that does not measure what the physics says, for the evaluation's proof that
/// training refuses such data: the history of one type, rewritten as the broken meter would
/// have reported it.
public enum BrokenMeter: String, Sendable, CaseIterable {
    /// The meter reports kg/h where t/h is expected (1000× high).
    case kilogramsPerHour = "fuel meter in kg/h"
    /// The meter repeats each ship's first reading under way.
    case stuck = "fuel meter stuck"
    /// Fuel and shaft power arrive in each other's fields.
    case swappedColumns = "fuel and power columns swapped"

    /// `history` as this meter would have reported it.
    public func rewrite(_ history: [Telemetry]) -> [Telemetry] {
        var first: [String: Double] = [:]
        return history.map { report in
            var report = report
            switch self {
            case .kilogramsPerHour:
                report[.fuelRate] = report[.fuelRate].map { $0 * 1000 }
            case .stuck:
                if let fuel = report[.fuelRate], (report[.speedThroughWater] ?? 0) >= 3 {
                    report[.fuelRate] = first[report.vesselID] ?? fuel
                    if first[report.vesselID] == nil { first[report.vesselID] = fuel }
                }
            case .swappedColumns:
                let fuel = report[.fuelRate]
                report[.fuelRate] = report[.shaftPower]
                report[.shaftPower] = fuel
            }
            return report
        }
    }
}
