import AnchorCore
import Foundation
import Hummingbird
import UnixSignals
import ServiceLifecycle

/// The HTTP service: loads every sign language, the avatar and the speech model once, then answers requests
/// until SIGINT or SIGTERM, when it finishes the requests in flight, stops the jobs and removes their files.
public struct SignAnchorServer: Sendable {
    private let options: ServiceOptions
    private let resources: ServiceResources
    private let videos: VideoCache
    private let reviews: ReviewFile?

    /// Loads what the server shares across requests.
    /// - Throws: the first stage error (a broken lexicon, rig or model): the server must not start with it.
    public init(options: ServiceOptions) throws {
        self.options = options
        resources = try ServiceResources(options: options)
        videos = try VideoCache(folder: options.videoCache, limit: options.videoCacheLimit)
        reviews = try options.reviewFile.map(ReviewFile.init(path:))
    }

    /// Serves until a shutdown signal; `onListening` gets the address bound (the real port when `options.port` is 0).
    public func run(onListening: @escaping @Sendable (String) -> Void) async throws {
        let queue = try JobQueue(limit: options.concurrentJobs, kept: options.keptJobs)
        let live = LiveRuns()
        // Middleware wraps the routes added after it, and the error middleware needs to know every route
        // (for 405 and Allow), so the routes are first listed on a router of their own.
        let listing = Router()
        addRoutes(to: listing, queue: queue, live: live)
        let router = Router()
        router.middlewares.add(RequestLogMiddleware())
        router.middlewares.add(ErrorMiddleware(routes: listing.routes.map { ($0.path, $0.method) }))
        addRoutes(to: router, queue: queue, live: live)

        let host = options.host
        let app = Application(
            router: router,
            server: .http1(configuration: .init(additionalChannelHandlers: [HTTP10ConnectionClose()])),
            configuration: .init(address: .hostname(host, port: options.port), serverName: "signanchor/\(SignAnchorVersion.current)"),
            onServerRunning: { channel in onListening("http://\(host):\(channel.localAddress?.port ?? 0)") }
        )
        // Shutdown runs the services in reverse: first the hook ends the live streams and jobs, then the server
        // finishes the requests in flight. The whole shutdown is bounded, so the process always exits.
        let hook = ShutdownHook { requested in
            if requested { live.requestShutdown() }
            await live.stopAll(within: 1.5)
            await queue.shutdown(within: 1.5)
        }
        var configuration = ServiceGroupConfiguration(
            services: [.init(service: app), .init(service: hook, successTerminationBehavior: .gracefullyShutdownGroup)],
            gracefulShutdownSignals: [.sigterm, .sigint, .sighup], logger: app.logger)
        configuration.maximumGracefulShutdownDuration = .seconds(4)
        var failure: (any Error)?
        do {
            try await ServiceGroup(configuration: configuration).run()
        } catch {
            failure = error
        }
        await queue.shutdown(within: 1)
        // A failure after the shutdown began (the group cancelled past its deadline) is part of stopping, not a
        // failure to listen.
        if let failure, !live.shutdownRequested { throw ServiceError.cannotListen(address: "\(host):\(options.port)", reason: "\(failure)") }
    }

    /// Every endpoint (docs/api.md).
    private func addRoutes(to router: Router<BasicRequestContext>, queue: JobQueue, live: LiveRuns) {
        WebRoutes(folder: options.webRoot, reviewEnabled: reviews != nil).add(to: router)
        LexiconRoutes(resources: resources).add(to: router)
        VideoRoutes(resources: resources, cache: videos).add(to: router)
        ReviewRoutes(resources: resources, options: options, file: reviews).add(to: router)
        TextRoutes(resources: resources, options: options).add(to: router)
        AnimateRoute(resources: resources, options: options).add(to: router)
        JobRoutes(resources: resources, queue: queue, options: options).add(to: router)
        LiveRoute(resources: resources, options: options, runs: live).add(to: router)
    }
}
