import Foundation
import Hummingbird
import LeewayCore

extension CacheRoutes {
    /// `GET /v1/vessels/{id}/fuel-curve?from=&to=&step=&draft=`: fuel and shaft power the
    /// type's serving model predicts across speeds, in calm water, at the vessel's latest
    /// draught and hull age (from its feature record), for voyage planning.
    func fuelCurve(_ request: Request, _ context: BasicRequestContext) throws -> Response {
        let id = try context.vesselID()
        let query = request.uri.queryParameters
        let from = try query.number("from", default: 8, in: 0.5...40) ?? 8
        let to = try query.number("to", default: 16, in: 0.5...40) ?? 16
        let step = try query.number("step", default: 0.5, in: 0.01...40) ?? 0.5
        let draftOverride = try query.number("draft", default: nil, in: TelemetryField.draft.range)
        guard from <= to else { throw Problem(.badRequest, "parameter \"from\": \(from) is above \"to\" (\(to))") }
        // At most 3,951 points (0.5–40 kn by 0.01), each one prediction: bounded by the ranges.
        let points = Int(((to - from) / step + 1e-9).rounded(.down)) + 1
        try requireReady()
        guard let vessel = stores.fleet.vessel(id) else { throw Problem(.notFound, "no vessel \"\(id)\" in the cache") }
        let hull = HullClass.typical(vessel.type)
        let features = vessel.features.flatMap { (try? JSONSerialization.jsonObject(with: Data(buffer: $0.body))) as? [String: Any] }
        let draft = draftOverride ?? (features?["draft_m"] as? Double).flatMap { $0 > 0 ? $0 : nil } ?? hull.ladenDraft
        let fouling = (features?["days_since_hull_cleaning"] as? Double) ?? 0
        if let elsewhere = stores.models.servedElsewhere(vessel.type) {
            throw Problem(.conflict, "\(vessel.type.rawValue) vessels are served by \(elsewhere.name) v\(elsewhere.version), an \(elsewhere.kind) model that only processors run; the cache draws fuel curves from linear-physics models and the physics baseline")
        }
        let model = stores.models.model(for: vessel.type)
        let state = VesselState(vesselID: id, vesselType: vessel.type)
        var rows: [[String: Any]] = []
        for index in 0..<points {
            let speed = from + Double(index) * step
            var report = Telemetry(vesselID: id, vesselType: vessel.type, eventTime: EventTime(seconds: 0))
            report[.speedThroughWater] = speed
            report[.draft] = draft
            report[.daysSinceHullCleaning] = fouling
            guard let targets = model.predict(report, state: state) else { continue }
            var row: [String: Any] = ["stw_kn": (speed * 1_000).rounded() / 1_000]
            if let fuel = targets[.fuelRate] {
                row["fuel_rate_tph"] = (fuel * 100_000).rounded() / 100_000
                row["fuel_per_nm_t"] = speed > 0 ? (fuel / speed * 100_000).rounded() / 100_000 : nil
            }
            if let power = targets[.shaftPower] { row["shaft_power_kw"] = (power * 10).rounded() / 10 }
            rows.append(row)
        }
        let body: [String: Any] = [
            "vessel_id": id, "vessel_type": vessel.type.rawValue,
            "model": ["name": model.identity.name, "version": model.identity.version, "kind": model.identity.kind],
            "conditions": ["draft_m": draft, "days_since_hull_cleaning": fouling, "wave_height_m": 0, "wind_speed_ms": 0,
                           "draft_from": draftOverride != nil ? "query" : features?["draft_m"] != nil ? "features" : "hull design"],
            "points": rows,
        ]
        let data = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes])
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
