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
        let pointCount = Int(((to - from) / step + 1e-9).rounded(.down)) + 1
        try requireReady()
        guard let vessel = stores.fleet.vessel(id) else { throw Problem(.notFound, "no vessel \"\(id)\" in the cache") }
        let hull = HullClass.typical(vessel.type)
        let features = vessel.features.flatMap { try? JSONDecoder().decode(FuelCurve.Features.self, from: Data(buffer: $0.body)) }
        let draft = draftOverride ?? features?.draft.flatMap { $0 > 0 ? $0 : nil } ?? hull.ladenDraft
        let fouling = features?.daysSinceHullCleaning ?? 0
        if let elsewhere = stores.models.servedElsewhere(vessel.type) {
            throw Problem(.conflict, "\(vessel.type.rawValue) vessels are served by \(elsewhere.name) v\(elsewhere.version), an \(elsewhere.kind) model that only processors run; the cache draws fuel curves from linear-physics models and the physics baseline")
        }
        let model = stores.models.model(for: vessel.type)
        let state = VesselState(vesselID: id, vesselType: vessel.type)
        var points: [FuelCurve.Point] = []
        for index in 0..<pointCount {
            let speed = from + Double(index) * step
            var report = Telemetry(vesselID: id, vesselType: vessel.type, eventTime: EventTime(seconds: 0))
            report[.speedThroughWater] = speed
            report[.draft] = draft
            report[.daysSinceHullCleaning] = fouling
            guard let targets = model.predict(report, state: state) else { continue }
            var point = FuelCurve.Point(speed: (speed * 1_000).rounded() / 1_000)
            if let fuel = targets[.fuelRate] {
                point.fuelRate = (fuel * 100_000).rounded() / 100_000
                point.fuelPerNauticalMile = speed > 0 ? (fuel / speed * 100_000).rounded() / 100_000 : nil
            }
            if let power = targets[.shaftPower] { point.shaftPower = (power * 10).rounded() / 10 }
            points.append(point)
        }
        let curve = FuelCurve(
            vesselID: id, vesselType: vessel.type.rawValue,
            model: .init(name: model.identity.name, version: model.identity.version, kind: model.identity.kind),
            conditions: .init(draft: draft, daysSinceHullCleaning: fouling,
                              draftFrom: draftOverride != nil ? "query" : features?.draft != nil ? "features" : "hull design"),
            points: points)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Response(status: .ok, headers: [.contentType: "application/json"],
                        body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(curve))))
    }
}

/// `GET /v1/vessels/{id}/fuel-curve` (openapi.yaml `FuelCurve`).
struct FuelCurve: Encodable {
    /// What the curve reads of the vessel's feature record.
    struct Features: Decodable {
        var draft: Double?
        var daysSinceHullCleaning: Double?

        enum CodingKeys: String, CodingKey {
            case draft = "draft_m", daysSinceHullCleaning = "days_since_hull_cleaning"
        }
    }

    struct Model: Encodable {
        var name: String
        var version: Int
        var kind: String
    }

    struct Conditions: Encodable {
        var draft: Double
        var daysSinceHullCleaning: Double
        var waveHeight = 0.0
        var windSpeed = 0.0
        var draftFrom: String

        enum CodingKeys: String, CodingKey {
            case draft = "draft_m", daysSinceHullCleaning = "days_since_hull_cleaning", waveHeight = "wave_height_m"
            case windSpeed = "wind_speed_ms", draftFrom = "draft_from"
        }
    }

    struct Point: Encodable {
        var speed: Double
        var fuelRate: Double?
        var fuelPerNauticalMile: Double?
        var shaftPower: Double?

        enum CodingKeys: String, CodingKey {
            case speed = "stw_kn", fuelRate = "fuel_rate_tph", fuelPerNauticalMile = "fuel_per_nm_t", shaftPower = "shaft_power_kw"
        }
    }

    var vesselID: String
    var vesselType: String
    var model: Model
    var conditions: Conditions
    var points: [Point]

    enum CodingKeys: String, CodingKey {
        case model, conditions, points
        case vesselID = "vessel_id", vesselType = "vessel_type"
    }
}
