import LeewayCore

extension ModelEvaluation.Result {
    /// The evaluation as Markdown tables: one row per type, then one per injected fault.
    public func table(_ evaluation: ModelEvaluation) -> String {
        var lines = [
            "physics: \(evaluation.physics.rawValue); \(evaluation.vessels) vessels (hull spread ±\(Int(evaluation.hullSpread * 100)) %), "
                + "\(Int(evaluation.days)) days, trained on the first \(Self.number(evaluation.trainDays, 1)) days, a report every "
                + "\(Int(evaluation.intervalSeconds)) s, seed \(evaluation.seed); \(reports) reports",
            "",
            "| type | serving | checks passed | fuel MAE t/h | fuel RMSE t/h | power MAE kW | power RMSE kW | false FuelResidualDrift / 100 vessel-days | other false alerts |",
            "|---|---|---|---:|---:|---:|---:|---:|---:|",
        ]
        for row in types {
            let checks = row.checksRun == 0 ? "n/a" : "\(row.checksPassed)/\(row.checksRun)"
                + (row.failedChecks.isEmpty ? "" : " (failed: \(row.failedChecks.joined(separator: ", ")))")
            lines.append("| \(row.type.rawValue) | \(row.model) | \(checks) | \(Self.number(row.mae[.fuelRate], 4)) | "
                + "\(Self.number(row.rmse[.fuelRate], 4)) | \(Self.number(row.mae[.shaftPower], 0)) | \(Self.number(row.rmse[.shaftPower], 0)) | "
                + "\(Self.number(row.falseFuelDriftRate, 2)) (\(row.falseFuelDrift) in \(Int(row.cleanVesselDays))) | \(row.falseOther) |")
        }
        lines += ["", "| injected fault | vessel | starts | detected after | after sailing | by |", "|---|---|---|---:|---:|---|"]
        for fault in faults {
            lines.append("| \(fault.name) | \(fault.drift.vesselID) | \(fault.drift.from) | \(Self.hours(fault.delay)) | "
                + "\(Self.hours(fault.delayAtSea)) | \(fault.alertname ?? "missed") |")
        }
        let delays = faults.compactMap(\.delay).sorted(), atSea = faults.compactMap(\.delayAtSea).sorted()
        lines.append("")
        lines.append("found \(delays.count) of \(faults.count); median delay \(Self.hours(delays.isEmpty ? nil : delays[delays.count / 2])), "
            + "after sailing \(Self.hours(atSea.isEmpty ? nil : atSea[atSea.count / 2]))")
        if !brokenMeters.isEmpty {
            lines += ["", "| broken fuel meter (same history) | type | outcome |", "|---|---|---|"]
            for broken in brokenMeters {
                let outcome = broken.trainingError.map { "no model: \($0)" }
                    ?? (broken.failedChecks.isEmpty ? "ACCEPTED: every check passed" : "rejected: \(broken.failedChecks.joined(separator: ", "))")
                lines.append("| \(broken.meter.rawValue) | \(broken.type.rawValue) | \(outcome) |")
            }
        }
        return lines.joined(separator: "\n")
    }

    static func hours(_ duration: Duration?) -> String {
        guard let duration else { return "missed" }
        return number(Double(duration.components.seconds) / 3600, 1) + " h"
    }

    static func number(_ value: Double?, _ decimals: Int) -> String {
        guard let value, value.isFinite else { return "–" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        return decimals == 0 ? "\(Int(rounded))" : "\(rounded)"
    }
}
