import Foundation
import Hummingbird
import LeewayCore
import LeewayModels

extension ModelRoutes {
    func record(_ type: VesselType) async throws -> RegistryRecord {
        guard let record = try await read()[type], !record.versions.isEmpty else {
            throw Problem(.notFound, "no model versions registered for vessel type \(type.rawValue)")
        }
        return record
    }

    func artifact(_ context: BasicRequestContext) async throws -> ModelArtifact {
        let type = try context.vesselType(), version = try context.version()
        guard let artifact = try await record(type).artifact(version) else {
            throw Problem(.notFound, "\(type.rawValue) has no model version \(version)")
        }
        return artifact
    }

    func summary() async throws -> Response {
        let records = try await read()
        let rows = VesselType.allCases.flatMap { type in (records[type]?.versions ?? []).map(ModelSummary.init) }
        return try Self.encoded(["models": rows])
    }

    static func encoded(_ value: some Encodable) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value)).json
    }

    func decide(_ request: Request, _ context: BasicRequestContext, approve: Bool) async throws -> Response {
        try authorize(request)
        let type = try context.vesselType(), version = try context.version()
        let body = try await request.body.collect(upTo: 16 * 1024)
        guard let fields = try? JSONDecoder().decode(DecisionRequest.self, from: Data(buffer: body)) else {
            throw Problem(.badRequest, "the body must be a JSON object such as {\"by\": \"Ana Ruiz\", \"\(approve ? "notes" : "reason")\": \"…\"}")
        }
        guard case .string(let by)? = fields.by, !by.trimmingCharacters(in: .whitespaces).isEmpty, by.count <= 200 else {
            throw Problem(.badRequest, "\"by\" must name who decides (1–200 characters)")
        }
        let text = approve ? fields.notes : fields.reason
        let note: String?
        switch text {
        case nil, .null?: note = nil
        case .string(let value)?: note = value
        default: throw Problem(.badRequest, "\"\(approve ? "notes" : "reason")\" must be a string")
        }
        if !approve, note?.isEmpty ?? true { throw Problem(.badRequest, "a rejection needs a \"reason\"") }
        let time = "\(EventTime.now)"
        _ = try await record(type)
        try await registry.update(type) { record in
            if approve { try record.approve(version, by: by, at: time, notes: note) } else { try record.reject(version, by: by, at: time, reason: note) }
        }
        return try Self.encoded(Decision(vesselType: type.rawValue, version: version, status: approve ? "approved" : "rejected",
                                         by: by, at: time))
    }

    /// Checks the bearer token (in constant time).
    private func authorize(_ request: Request) throws {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
            throw Problem(.unauthorized, "an Authorization: Bearer <token> header is required")
        }
        guard let token else {
            throw Problem(.forbidden, "decisions over HTTP are off: start Leeway with --api-token (or LEEWAY_API_TOKEN)")
        }
        let given = Array(header.dropFirst("Bearer ".count).utf8), expected = Array(token.utf8)
        var difference = given.count ^ expected.count
        for index in 0..<max(given.count, expected.count) {
            difference |= Int((index < given.count ? given[index] : 0) ^ (index < expected.count ? expected[index] : 0))
        }
        guard difference == 0 else { throw Problem(.forbidden, "the bearer token is not the configured one") }
    }
}

extension BasicRequestContext {
    func vesselType() throws -> VesselType {
        let name = parameters.get("type") ?? ""
        guard let type = VesselType(rawValue: name) else {
            throw Problem(.notFound, "unknown vessel type \"\(name)\" (known: \(VesselType.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return type
    }

    func version() throws -> Int {
        let text = parameters.get("version") ?? ""
        guard let version = Int(text), version > 0 else {
            throw Problem(.badRequest, "version must be a positive integer, got \"\(text.prefix(40))\"")
        }
        return version
    }
}
