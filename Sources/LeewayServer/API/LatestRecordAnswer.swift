import Foundation
import HTTPTypes
import Hummingbird

/// The answer to `GET /v1/vessels/{id}/prediction` (or `…/features`) for a record the cache
/// holds: the stored bytes with their entity tag, or `304 Not Modified` when `If-None-Match`
/// names it; the report's age, the record's age and the freshness (by the report's age) in headers. One function for the router and the fast
/// path, so both answer byte for byte the same.
struct LatestRecordAnswer {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: ByteBuffer?

    init(_ record: CachedRecord, ifNoneMatch: String?, freshness: Freshness.Thresholds, maxAge: Int,
         now: Double = Date().timeIntervalSince1970) {
        let age = record.reportAge(now: now)
        let state = Freshness(age: age, freshness)
        headers = [
            .eTag: record.etag,
            .cacheControl: state == .expired ? "no-cache" : "max-age=\(maxAge)",
            .leewayAge: String(Int(age.rounded(.down))),
            .leewayRecordAge: String(Int(record.recordAge(now: now).rounded(.down))),
            .leewayFreshness: state.rawValue,
        ]
        if let ifNoneMatch, Self.matches(ifNoneMatch, record.etag) {
            status = .notModified
            body = nil
        } else {
            status = .ok
            headers[.contentType] = "application/json"
            body = record.body
        }
    }

    /// Whether an `If-None-Match` value names `etag` (or is `*`).
    static func matches(_ header: String, _ etag: String) -> Bool {
        header.split(separator: ",").contains { tag in
            let tag = tag.trimmingCharacters(in: .whitespaces)
            return tag == "*" || tag == etag || tag == "W/" + etag
        }
    }

    /// As a Hummingbird response.
    var response: Response {
        Response(status: status, headers: headers, body: body.map { .init(byteBuffer: $0) } ?? .init())
    }
}

extension HTTPField.Name {
    /// Seconds since the report behind the served record was taken (event time).
    static let leewayAge = Self("Leeway-Age")!
    /// Seconds since the served record entered Kafka.
    static let leewayRecordAge = Self("Leeway-Record-Age")!
    /// `fresh`, `stale` or `expired` (see ``Freshness``).
    static let leewayFreshness = Self("Leeway-Freshness")!
}
