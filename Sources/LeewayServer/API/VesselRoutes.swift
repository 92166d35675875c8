import Foundation
import Hummingbird
import LeewayCore

extension CacheRoutes {
    /// `GET /v1/vessels/{id}/prediction` and `…/features`: the stored record with its entity
    /// tag, `304 Not Modified` for a matching `If-None-Match`, and the prediction's age and
    /// freshness in `Leeway-Age` and `Leeway-Freshness`.
    func latest(_ slot: KeyPath<FleetCache.Vessel, CachedRecord?>, _ what: String, _ request: Request,
                _ context: BasicRequestContext) throws -> Response {
        let id = try context.vesselID()
        try requireReady()
        guard let vessel = stores.fleet.vessel(id) else { throw Problem(.notFound, "no vessel \"\(id)\" in the cache") }
        guard let record = vessel[keyPath: slot] else { throw Problem(.notFound, "vessel \"\(id)\" has no \(what) yet") }
        return LatestRecordAnswer(record, ifNoneMatch: request.headers[.ifNoneMatch], freshness: freshness, maxAge: maxAge).response
    }

    /// `GET /v1/vessels?type=&limit=&cursor=`: vessels in id order, each with its latest
    /// prediction (as stored), its age and freshness; `next_cursor` continues the list.
    func vessels(_ request: Request) throws -> Response {
        let query = request.uri.queryParameters
        let type = try query.vesselType()
        let limit = try query.integer("limit", default: 100, in: 1...1_000)
        let cursor = try query.cursor()
        try requireReady()
        let (page, next) = stores.fleet.page(type: type, after: cursor, limit: limit)
        let now = Date().timeIntervalSince1970
        var body = ByteBuffer()
        body.reserveCapacity(64 + page.count * 900)
        body.writeString("{\"vessels\":[")
        for (index, entry) in page.enumerated() {
            if index > 0 { body.writeString(",") }
            body.writeString("{\"vessel_id\":\"\(entry.id)\",\"vessel_type\":\"\(entry.vessel.type.rawValue)\"")
            if let prediction = entry.vessel.prediction {
                let age = prediction.reportAge(now: now)
                body.writeString(",\"age_s\":\(Int(age)),\"record_age_s\":\(Int(prediction.recordAge(now: now)))"
                    + ",\"freshness\":\"\(Freshness(age: age, freshness).rawValue)\",\"prediction\":")
                var stored = prediction.body
                body.writeBuffer(&stored)
            } else {
                body.writeString(",\"age_s\":null,\"record_age_s\":null,\"freshness\":null,\"prediction\":null")
            }
            body.writeString("}")
        }
        body.writeString("],\"next_cursor\":")
        body.writeString(next.map { "\"\($0)\"" } ?? "null")
        body.writeString(",\"total\":\(stores.fleet.count)}")
        return Response(status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-cache"], body: .init(byteBuffer: body))
    }
}
