import Foundation
import Hummingbird

/// Writes one line per request to stderr: method, path and query, status, response size when known, time taken.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let size = response.body.contentLength.map { " \($0) B" } ?? ""
        let line = "\(request.method) \(request.uri) \(response.status.code)\(size) "
            + String(format: "%.1f ms", milliseconds) + "\n"
        FileHandle.standardError.write(Data(line.utf8))
        return response
    }
}
