import Gloss
import Hummingbird
import Motion
import Pipeline
import Render

/// `POST /animate?format=…`: a gloss sequence (the JSON of `POST /gloss`) to an animation file.
struct AnimateRoute {
    let resources: ServiceResources
    let options: ServiceOptions

    /// Adds the route to `router`.
    func add<Context: RequestContext>(to router: Router<Context>) {
        router.post("animate") { request, _ in
            let query = Query(request)
            let name = query.string("format") ?? "jsonl"
            guard let format = AnimationFormat(rawValue: name) else {
                throw ServiceError.badRequest("unknown format '\(name)' (\(AnimationFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            let fps = try query.double("fps", default: 25, in: 1...240)
            var timing = Timing()
            timing.speed = try query.double("speed", default: 1, in: 0.1...10)
            let sequence = try await JSONBody.decode(GlossSequence.self, from: request, limit: options.jsonLimit)
            let kit = try resources.kit(sequence.signLanguage)
            let animation = kit.animation.with(Animator(avatar: kit.animation.animator.avatar, timing: timing))
            let track = try animation.animate(sequence, fps: fps)
            let body = format == .glb ? resources.geometry.glbBody(for: track) : nil
            return JSONBody.response(try format.document(track, rig: resources.geometry.rig, body: body), contentType: format.mediaType)
        }
    }
}
