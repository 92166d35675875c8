import Hummingbird
import Synchronization

/// Turns every error a route throws (a ``Problem``, or anything unexpected: 500) and every
/// request no route takes (an unknown path, a wrong method, a body too large) into
/// problem-details JSON, so all error responses of the endpoint have one shape. A known path
/// asked with a method it does not serve gets 405 with `Allow`.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    /// The endpoint's routes, filled in once the router is complete.
    final class Routes: Sendable {
        private let table = Mutex<[(segments: [Substring], methods: [String])]>([])

        func learn(_ routes: [Router<BasicRequestContext>.RouteDescription]) {
            let grouped = Dictionary(grouping: routes, by: { "\($0.path)" })
            table.withLock { table in
                table = grouped.map { path, routes in
                    (path.split(separator: "/"), routes.map(\.method.rawValue).sorted())
                }
            }
        }

        /// The methods served at `path`, if any route matches it.
        func methods(_ path: String) -> [String]? {
            let parts = path.split(separator: "/")
            return table.withLock { table in
                table.first { entry in
                    entry.segments.count == parts.count
                        && zip(entry.segments, parts).allSatisfy { pattern, part in pattern.hasPrefix(":") || pattern.hasPrefix("{") || pattern == part }
                }?.methods
            }
        }
    }

    let routes: Routes

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as Problem {
            return problem.response
        } catch let error as HTTPResponseError {
            guard error.status == .notFound else { return Problem(error.status, error.status.reasonPhrase).response }
            guard let methods = routes.methods(request.uri.path) else {
                return Problem(.notFound, "no route for \(request.uri.path)").response
            }
            var response = Problem(.methodNotAllowed, "\(request.uri.path) answers \(methods.joined(separator: ", ")), not \(request.method)").response
            response.headers[.allow] = methods.joined(separator: ", ")
            return response
        } catch {
            return Problem(.internalServerError, "\(error)").response
        }
    }
}
