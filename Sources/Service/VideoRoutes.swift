import AnchorCore
import Foundation
import Gloss
import Hummingbird
import Lexicon
import MediaIO
import Motion
import Pipeline
import Render

/// `GET /lexicon/video` (one sign) and `GET /sentence/video` (a sentence glossed and signed): the avatar as a video,
/// rendered on the first request and then answered from the disk cache (``VideoCache``), with `ETag`, `304` and
/// byte ranges.
///
/// The cache key is a hash of the animation itself (with the avatar, the video format and the program version):
/// an edited entry, or an edited part of a compound, animates differently and so gets a new video.
struct VideoRoutes {
    let resources: ServiceResources
    let cache: VideoCache
    /// Frames per second of the videos.
    static let fps = 25.0
    /// The longest sentence `GET /sentence/video` signs, characters.
    static let sentenceLimit = 500

    /// Adds the routes to `router`.
    func add<Context: RequestContext>(to router: Router<Context>) {
        // Revalidated every time (the URL names an entry, whose form may change), answered 304 while it has not.
        let files = FolderFiles<Context>(folder: cache.folder, cacheControl: CacheControl([(MediaType(type: .any), [.public, .noCache])]))
        router.get("lexicon/video") { request, context in
            let query = Query(request)
            let kit = try resources.kit(query.string("sign-language") ?? "csl")
            let id = try query.required("id")
            guard let entry = kit.animation.lexicon.entry(id: id) else { throw LexiconError.notFound(id, signLanguage: kit.signLanguage) }
            let track = try kit.animation.animator.animate([.sign(kit.animation.sign(entry))], fps: Self.fps).track
            return try await serve(track, query, files, request, context)
        }
        router.get("sentence/video") { request, context in
            let query = Query(request)
            let kit = try resources.kit(query.string("sign-language") ?? "csl")
            let text = try query.required("text")
            guard text.count <= Self.sentenceLimit else {
                throw ServiceError.badRequest("text is \(text.count) characters; a sentence video takes at most \(Self.sentenceLimit)")
            }
            let track = try await withTaskExecutorPreference(TextRoutes.executor) {
                try kit.animation.animate(kit.translator.translate(text: text), fps: Self.fps)
            }
            return try await serve(track, query, files, request, context)
        }
    }

    /// The cached video of `track` answered for `request`. A video evicted between being found and being read (by
    /// another request's render pushing the cache over its bound) is rendered again, once.
    private func serve<Context: RequestContext>(_ track: AnimationTrack, _ query: Query, _ files: FolderFiles<Context>,
                                                _ request: Request, _ context: Context) async throws -> Response {
        do {
            return try await files.response(file: try await render(track, query), for: request, context: context)
        } catch let error as HTTPError where error.status == .notFound {
            return try await files.response(file: try await render(track, query), for: request, context: context)
        }
    }

    /// The cached file of `track` in the format and size `query` asks for (`format` mp4|webm, `size` WxH up to
    /// 1280x720, default 640x360), rendering it first when it is not cached.
    private func render(_ track: AnimationTrack, _ query: Query) async throws -> String {
        let format = query.string("format") ?? "mp4"
        let codec: VideoCodec
        switch format {
        case "mp4": codec = .h264
        case "webm": codec = .vp9
        default: throw ServiceError.badRequest("unknown format '\(format)' (mp4, webm)")
        }
        let size = try query.size("size", default: (640, 360), largest: (1280, 720))
        var key = ContentHash()
        for field in [SignAnchorVersion.current, resources.avatarDigest, format, "\(size.width)x\(size.height)"] { key.addField(field.utf8) }
        key.add(try JSON.data(track))
        let options = {
            var options = AvatarVideoOptions()
            (options.width, options.height, options.codec) = (size.width, size.height, codec)
            return options
        }()
        let geometry = resources.geometry
        return try await cache.file(key: key.hex, fileExtension: format) { path in
            try AvatarVideo.write(track, geometry: geometry, to: path, options: options)
        }
    }
}
