import Hummingbird

/// The dictionary web page: `GET /` (Web/index.html), `GET /web/<file>` (its scripts, styles and strings), and
/// `GET /review` (Web/review.html, only when review is on). Files are read at each request, with `ETag`s, so an edited
/// page shows on reload.
struct WebRoutes {
    /// The `Web/` folder, nil when it was not found (the API works without the page).
    let folder: String?
    /// Whether `/review` is served.
    let reviewEnabled: Bool

    /// Adds the routes to `router`.
    func add<Context: RequestContext>(to router: Router<Context>) {
        let files = folder.map { FolderFiles<Context>(folder: $0, cacheControl: CacheControl([(MediaType(type: .any), [.noCache])])) }
        @Sendable func page(_ name: String, _ request: Request, _ context: Context) async throws -> Response {
            guard let files else { throw ServiceError.notFound("the web page is not installed (no Web/ folder in the data folders: docs/cli.md)") }
            return try await files.response(file: name, for: request, context: context)
        }
        router.get("/") { request, context in try await page("index.html", request, context) }
        router.get("web/:file") { request, context in try await page(context.parameters.require("file"), request, context) }
        router.get("review") { request, context in
            guard reviewEnabled else { throw ReviewRoutes.off }
            return try await page("review.html", request, context)
        }
    }
}
