import LeewayCore

extension TrainingSet {
    /// The rows as CSV for a model trained elsewhere (`leeway features export`): `split`
    /// (`fit` or `holdout`), `vessel_id`, `ts`, the inputs of `layout` (missing: empty), then
    /// the measured `fuel_rate_tph` and `shaft_power_kw`.
    public func csv(_ layout: InputLayout) -> String {
        let columns = layout.inputs.map { input in ModelInput.ordered.firstIndex(of: input)! }
        var text = "split,vessel_id,ts," + layout.inputs.map(\.rawValue).joined(separator: ",") + ",fuel_rate_tph,shaft_power_kw\n"
        for (split, rows) in [("fit", fitting), ("holdout", holdout)] {
            for row in rows {
                text += "\(split),\(row.vesselID),\(row.eventTime)"
                for column in columns { text += row.features[column].isFinite ? ",\(row.features[column])" : "," }
                text += ",\(row.actuals[.fuelRate] ?? .nan),\(row.actuals[.shaftPower] ?? .nan)\n"
            }
        }
        return text
    }
}
