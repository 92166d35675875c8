import Foundation
import HTTPTypes
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
        let age = max(0, Date().timeIntervalSince1970 - record.timestamp)
        let state = Freshness(age: age, freshness)
        var headers: HTTPFields = [
            .eTag: record.etag,
            .cacheControl: state == .expired ? "no-cache" : "max-age=\(maxAge)",
            .leewayAge: String(Int(age.rounded(.down))),
            .leewayFreshness: state.rawValue,
        ]
        if let tags = request.headers[.ifNoneMatch], Self.matches(tags, record.etag) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = "application/json"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: record.body))
    }

    /// Whether an `If-None-Match` value names `etag` (or is `*`).
    static func matches(_ header: String, _ etag: String) -> Bool {
        header.split(separator: ",").contains { tag in
            let tag = tag.trimmingCharacters(in: .whitespaces)
            return tag == "*" || tag == etag || tag == "W/" + etag
        }
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
                let age = max(0, now - prediction.timestamp)
                body.writeString(",\"age_s\":\(Int(age)),\"freshness\":\"\(Freshness(age: age, freshness).rawValue)\",\"prediction\":")
                var stored = prediction.body
                body.writeBuffer(&stored)
            } else {
                body.writeString(",\"age_s\":null,\"freshness\":null,\"prediction\":null")
            }
            body.writeString("}")
        }
        body.writeString("],\"next_cursor\":")
        body.writeString(next.map { "\"\($0)\"" } ?? "null")
        body.writeString(",\"total\":\(stores.fleet.count)}")
        return Response(status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-cache"], body: .init(byteBuffer: body))
    }
}

extension HTTPField.Name {
    /// Seconds since the served record entered Kafka.
    static let leewayAge = Self("Leeway-Age")!
    /// `fresh`, `stale` or `expired` (see ``Freshness``).
    static let leewayFreshness = Self("Leeway-Freshness")!
}
