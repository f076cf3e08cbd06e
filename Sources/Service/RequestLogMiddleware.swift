import Foundation
import Hummingbird

/// Writes one line per request to stderr once its response is sent: method, path and query, status, bytes sent,
/// time taken. A client that disconnects before the whole response is sent is logged as 499 (nginx's "client
/// closed request") with the bytes that did go out, not as a server error.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var response = try await next(request, context)
        let line = "\(request.method) \(request.uri)"
        let status = response.status.code
        let body = response.body
        response.body = ResponseBody(contentLength: body.contentLength) { writer in
            let counter = CountingWriter(base: writer)
            let total = counter.total
            do {
                try await body.write(counter)
            } catch {
                Self.log("\(line) 499 \(await total.value) B \(Self.milliseconds(since: start)) (client disconnected)")
                throw error
            }
            Self.log("\(line) \(status) \(await total.value) B \(Self.milliseconds(since: start))")
        }
        return response
    }

    /// Writes one log line to stderr.
    static func log(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    private static func milliseconds(since start: ContinuousClock.Instant) -> String {
        let elapsed = ContinuousClock.now - start
        return String(format: "%.1f ms", Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
    }
}

/// Passes a response body through, counting its bytes.
private struct CountingWriter: ResponseBodyWriter {
    /// Bytes written so far, shared with the middleware.
    actor Total {
        var value = 0
        func add(_ count: Int) { value += count }
    }

    var base: any ResponseBodyWriter
    let total = Total()

    mutating func write(_ buffer: ByteBuffer) async throws {
        try await base.write(buffer)
        await total.add(buffer.readableBytes)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {
        try await base.finish(trailingHeaders)
    }
}
