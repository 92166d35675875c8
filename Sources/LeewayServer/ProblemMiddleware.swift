import Hummingbird

/// Turns errors no route handled (an unknown path, a wrong method, a body too large) into
/// problem-details JSON, so every error response of the endpoint has the same shape.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as Problem {
            return problem.response
        } catch let error as HTTPResponseError {
            let status = error.status
            let detail = status == .notFound ? "no route for \(request.method) \(request.uri.path)" : "\(status.reasonPhrase)"
            return Problem(status, detail).response
        }
    }
}
