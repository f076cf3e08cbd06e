import AnchorCore
import Foundation
import Hummingbird

/// The HTTP service: loads every sign language, the avatar and the speech model once, then answers requests
/// until SIGINT or SIGTERM, when it finishes the requests in flight, stops the jobs and removes their files.
public struct SignAnchorServer: Sendable {
    /// The version `GET /health` reports.
    public static let version = "0.1.0"

    private let options: ServiceOptions
    private let resources: ServiceResources

    /// Loads what the server shares across requests.
    /// - Throws: the first stage error (a broken lexicon, rig or model): the server must not start with it.
    public init(options: ServiceOptions) throws {
        self.options = options
        resources = try ServiceResources(options: options)
    }

    /// Serves until a shutdown signal; `onListening` gets the address bound (the real port when `options.port` is 0).
    public func run(onListening: @escaping @Sendable (String) -> Void) async throws {
        let queue = try JobQueue(limit: options.concurrentJobs, kept: options.keptJobs)
        let router = Router()
        router.middlewares.add(RequestLogMiddleware())
        router.middlewares.add(ErrorMiddleware())
        LexiconRoutes(resources: resources).add(to: router)
        TextRoutes(resources: resources, limit: options.jsonLimit).add(to: router)
        AnimateRoute(resources: resources, limit: options.jsonLimit).add(to: router)
        JobRoutes(resources: resources, queue: queue, options: options).add(to: router)

        let host = options.host
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: options.port), serverName: "signanchor/\(Self.version)"),
            onServerRunning: { channel in onListening("http://\(host):\(channel.localAddress?.port ?? 0)") }
        )
        do {
            try await app.runService()
        } catch {
            await queue.shutdown()
            throw ServiceError.cannotListen(address: "\(host):\(options.port)", reason: "\(error)")
        }
        await queue.shutdown()
    }
}
