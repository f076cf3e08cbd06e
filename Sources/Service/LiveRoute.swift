import AnchorCore
import Foundation
import Hummingbird
import Motion
import Pipeline

/// `GET /live?input=URL`: signs a live stream and sends its animation as Server-Sent Events, one JSON Lines line
/// (`header`, `signs`, `frame`) per `data:` event, then an `event: report` with the run's delays (or
/// `event: error`). The run stops when the client disconnects (logged as 499) or the server shuts down (the stream
/// then ends with its report).
///
/// Only network inputs are accepted (udp, srt, tcp, rtp, rtmp, http, https): a client must not make the server
/// read its own files. Errors opening the input are answered as JSON 4xx before the stream starts.
struct LiveRoute {
    let resources: ServiceResources
    let options: ServiceOptions
    /// The open runs, ended by a shutdown.
    let runs: LiveRuns

    static let schemes: Set<String> = ["udp", "srt", "tcp", "rtp", "rtmp", "http", "https"]

    /// Adds the route to `router`.
    func add<Context: RequestContext>(to router: Router<Context>) {
        router.get("live") { request, _ in try await start(request) }
    }

    private func start(_ request: Request) async throws -> Response {
        let query = Query(request)
        let input = try query.required("input")
        guard let scheme = input.range(of: "://").map({ input[..<$0.lowerBound].lowercased() }), Self.schemes.contains(scheme) else {
            throw ServiceError.badRequest("input must be a stream URL (\(Self.schemes.sorted().joined(separator: ", "))), not '\(input)'")
        }
        guard let model = resources.model else {
            throw ServiceError.badRequest("no speech model is installed at \(options.modelPath): live streams need one")
        }
        let anchor = try query.anchorOptions(options)
        if let signLanguage = anchor.signLanguage { _ = try resources.kit(signLanguage) }
        var live = LiveOptions(anchor: anchor)
        live.inputTimeout = try query.double("input-timeout", default: 10, in: 0.5...600)
        live.maxBacklog = try query.double("max-backlog", default: 3, in: 0.5...600)

        let (events, sink) = AsyncStream.makeStream(of: ByteBuffer.self)
        let started = FirstLine()
        let runs = self.runs
        let run = Task {
            do {
                let report = try await LiveAnchor(options: live, geometry: resources.geometry, kits: { [resources] in try resources.kit($0) },
                                                model: model)
                    .run(input: input, animationLines: { line in
                        started.resolve(nil)
                        sink.yield(ByteBuffer(string: "data: \(line)\n\n"))
                    })
                sink.yield(ByteBuffer(string: "event: report\ndata: \(try JSONLinesWriter.encode(report))\n\n"))
            } catch is CancellationError {
            } catch {
                if !started.resolve(error) {
                    let message = (try? JSONLinesWriter.encode(["error": "\(error)"])) ?? "{}"
                    sink.yield(ByteBuffer(string: "event: error\ndata: \(message)\n\n"))
                }
            }
            sink.finish()
        }
        let id = runs.add(run)
        // The client went away (or the stream ended): stop reading the broadcast.
        sink.onTermination = { _ in
            run.cancel()
            runs.remove(id)
        }
        // Answer only once the input is open: a bad URL is a 4xx, not an event in a 200 stream.
        try await started.wait()
        return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
                        body: ResponseBody(asyncSequence: events))
    }
}

/// Resolves once: with the first line of the stream (nil) or with the error that came before any line.
private final class FirstLine: @unchecked Sendable {
    // @unchecked: every field is touched with `lock` held.
    private let lock = NSLock()
    private var outcome: Result<Void, any Error>?
    private var waiter: CheckedContinuation<Void, any Error>?

    /// Records the outcome; false when it was already decided (later lines and errors are the stream's business).
    @discardableResult
    func resolve(_ error: (any Error)?) -> Bool {
        lock.lock()
        guard outcome == nil else { lock.unlock(); return false }
        let result: Result<Void, any Error> = error.map { .failure($0) } ?? .success(())
        outcome = result
        let waiter = self.waiter
        self.waiter = nil
        lock.unlock()
        waiter?.resume(with: result)
        return true
    }

    /// Waits for the outcome; throws the error that came before any line.
    func wait() async throws {
        try await withCheckedThrowingContinuation { continuation in
            lock.lock()
            if let outcome {
                lock.unlock()
                continuation.resume(with: outcome)
            } else {
                waiter = continuation
                lock.unlock()
            }
        }
    }
}
