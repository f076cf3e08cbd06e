import Hummingbird

/// Answers every error thrown below it, and unknown routes, as `{"error": "…"}` with the mapped status.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound && error.body == nil {
            return ErrorResponse(ServiceError.notFound("no endpoint \(request.method) \(request.uri.path)")).response
        } catch {
            return ErrorResponse(error).response
        }
    }
}
