import Foundation
import LeewayTopics
import Hummingbird
import LeewayCore
import LeewayModels

/// The model registry over HTTP: list, inspect and read the audit report of every version;
/// approve or reject one with a bearer token. Every decision lands in the registry topic
/// with the reviewer's name, like `leeway models approve`.
///
/// - `GET /v1/models`: every type's versions (summary).
/// - `GET /v1/models/{type}`: the type's registry record (versions and decisions).
/// - `GET /v1/models/{type}/{version}`: the artifact.
/// - `GET /v1/models/{type}/{version}/report`: the audit page (HTML).
/// - `POST /v1/models/{type}/{version}/approve` `{"by": "...", "notes": "..."}`, and
///   `…/reject` `{"by": "...", "reason": "..."}`: `Authorization: Bearer <token>`.
public struct ModelRoutes: Sendable {
    let registry: ModelRegistry
    let token: String?
    let read: @Sendable () async throws -> [VesselType: RegistryRecord]

    /// Routes over `registry`; decisions need `token` (nil: decisions over HTTP are off).
    /// Reads come from `records` when given (a cache's copy in memory), else from the topic.
    public init(registry: ModelRegistry, token: String?,
                records: (@Sendable () async throws -> [VesselType: RegistryRecord])? = nil) {
        self.registry = registry
        self.token = token.flatMap { $0.isEmpty ? nil : $0 }
        self.read = records ?? { try await registry.records() }
    }

    /// Adds the routes to `router`.
    public func add(to router: Router<BasicRequestContext>) {
        router.get("v1/models") { _, _ in try await respond { try await summary() } }
        router.get("v1/models/:type") { _, context in
            try await respond { try await record(try context.vesselType()).encoded().json }
        }
        router.get("v1/models/:type/:version") { _, context in
            try await respond { Array(try await artifact(context).encoded()).json }
        }
        router.get("v1/models/:type/:version/report") { _, context in
            try await respond {
                let page = AuditReport(try await artifact(context)).html()
                return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-cache"],
                                body: .init(byteBuffer: ByteBuffer(string: page)))
            }
        }
        router.post("v1/models/:type/:version/approve") { request, context in
            try await respond { try await decide(request, context, approve: true) }
        }
        router.post("v1/models/:type/:version/reject") { request, context in
            try await respond { try await decide(request, context, approve: false) }
        }
    }

    /// Runs `body`, turning every failure into problem details: no request ends in a 500
    /// without a JSON body.
    private func respond(_ body: () async throws -> Response) async throws -> Response {
        do {
            return try await body()
        } catch let problem as Problem {
            return problem.response
        } catch let error as RegistryError {
            return Self.problem(for: error).response
        } catch let error as RegistryWriteError {
            return Problem(.serviceUnavailable, "the decision was not recorded: \(error); retry").response
        } catch {
            return Problem(.serviceUnavailable, "the model registry cannot be read: \(error)").response
        }
    }

    static func problem(for error: RegistryError) -> Problem {
        switch error {
        case .unknownVersion: Problem(.notFound, "\(error)")
        case .failedChecks, .invalidArtifact, .wrongType: Problem(.conflict, "\(error)")
        case .anonymous: Problem(.badRequest, "\(error)")
        }
    }
}

extension Array where Element == UInt8 {
    /// A 200 response with these bytes as JSON.
    var json: Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: self)))
    }
}
