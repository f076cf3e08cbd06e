import Hummingbird

/// Answers every error thrown below it as `{"error": "…"}` with the mapped status; an unknown path is 404, a known
/// path with another method 405 with `Allow`.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Every route the server has: path and method.
    let routes: [(path: RouterPath, method: HTTPRequest.Method)]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound && error.body == nil {
            let allowed = routes.filter { Self.path($0.path, matches: request.uri.path) }.map(\.method.rawValue)
            guard !allowed.isEmpty else {
                return ErrorResponse(ServiceError.notFound("no endpoint \(request.method) \(request.uri.path)")).response
            }
            var response = ErrorResponse(ServiceError.methodNotAllowed(method: request.method.rawValue, path: request.uri.path,
                                                                       allowed: allowed)).response
            response.headers[.allow] = allowed.joined(separator: ", ")
            return response
        } catch {
            return ErrorResponse(error).response
        }
    }

    /// Whether a route's path (plain components and `:captures`) matches a request's.
    private static func path(_ route: RouterPath, matches path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        return parts.count == route.components.count && zip(route.components, parts).allSatisfy { $0 ~= $1 }
    }
}
