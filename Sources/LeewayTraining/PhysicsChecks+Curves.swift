import LeewayCore
import LeewayModels

extension PhysicsChecks {
    /// A model's fuel across ``speeds`` at ballast and laden draught, from its `answers` to
    /// ``probePoints``: the audit report's speed–fuel lines, for every kind alike.
    public func speedCurves(_ answers: [ProbePoint: TargetValues]) -> [ModelDiagnostics.SpeedCurve] {
        [hull.ballastDraft, hull.ladenDraft].map { draft in
            let points = speeds.compactMap { speed in
                answers[ProbePoint(speed: speed, draft: draft)]?[.fuelRate].flatMap { $0.isFinite ? (speed, $0) : nil }
            }
            return ModelDiagnostics.SpeedCurve(draftM: draft, stwKn: points.map(\.0), fuelRateTph: points.map(\.1))
        }
    }
}
