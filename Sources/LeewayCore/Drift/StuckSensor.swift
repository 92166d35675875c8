/// Data quality, kept apart from drift: a sensor that repeats exactly the same value while
/// the vessel is under way has frozen. Real readings at sea jitter in their last digit.
public struct StuckSensor: Sendable {
    /// Identical readings in a row, under way, that make a sensor stuck.
    public static let repeats = 30
    /// The sensors watched.
    public static let fields: [TelemetryField] = [.fuelRate, .speedThroughWater, .shaftPower]

    var last: InlineArray<3, Double>
    var run: InlineArray<3, UInt16>
    /// One alert per watched sensor.
    public internal(set) var lifecycles: InlineArray<3, AlertLifecycle>

    /// No history; alerts resolve after an hour of live readings.
    public init() {
        last = InlineArray(repeating: .nan)
        run = InlineArray(repeating: 0)
        lifecycles = InlineArray(repeating: AlertLifecycle(rule: AlertRule(resolveAfter: .seconds(3600), cooldown: .seconds(6 * 3600))))
    }

    /// Checks an in-order report; returns the transitions (field, change) it caused.
    public mutating func observe(_ report: Telemetry) -> [(TelemetryField, AlertLifecycle.Transition)] {
        let underWay = (report[.speedOverGround] ?? 0) >= 3
        var transitions: [(TelemetryField, AlertLifecycle.Transition)] = []
        for (index, field) in Self.fields.enumerated() {
            guard let value = report[field] else { continue }
            run[index] = value == last[index] && underWay ? min(run[index] &+ 1, UInt16.max - 1) : 0
            // Only readings under way count towards a run.
            last[index] = underWay ? value : .nan
            guard underWay else { continue }
            let stuck = Int(run[index]) + 1 >= Self.repeats
            // Fast path: nothing stuck and nothing to resolve.
            if !stuck, lifecycles[index].isIdle { continue }
            if let transition = lifecycles[index].observe(stuck ? .warning : nil, at: report.eventTime) {
                transitions.append((field, transition))
            }
        }
        return transitions
    }

    /// How many identical readings in a row `field` has now.
    public func repeats(of field: TelemetryField) -> Int {
        Self.fields.firstIndex(of: field).map { Int(run[$0]) + 1 } ?? 0
    }
}
