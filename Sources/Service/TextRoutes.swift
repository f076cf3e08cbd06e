import AnchorCore
import Distill
import Foundation
import Gloss
import Hummingbird
import Pipeline

/// `POST /gloss` and `POST /distill`: the text stages on JSON bodies, answering the command line's JSON.
struct TextRoutes {
    let resources: ServiceResources
    let options: ServiceOptions
    /// Threads for the text stages, off the cooperative pool.
    static let executor = JobExecutor()

    /// The body of `POST /gloss`: `text` or timed `segments`.
    struct GlossRequest: Decodable {
        var text: String?
        var segments: [TimedText]?
        var signLanguage: String?
        var coverage: Bool?
    }

    /// The body of `POST /distill`: `text`, timed `segments`, or a whole `transcript`, and the rate options.
    struct DistillRequest: Decodable {
        var text: String?
        var segments: [TimedText]?
        var transcript: Transcript?
        var language: String?
        var signLanguage: String?
        var rate: Double?
        var signs: Bool?
        var maxLag: Double?
        var speechRate: Double?
    }

    /// Adds the routes to `router`.
    func add<Context: RequestContext>(to router: Router<Context>) {
        // The stages run on threads of their own: a large text is seconds of CPU, which on Swift's cooperative pool
        // (2 threads on a 2-core machine) would hold up every other request, /health included.
        router.post("gloss") { request, _ in
            let (body, bytes) = try await JSONBody.decodeSized(GlossRequest.self, from: request, limit: options.jsonLimit)
            let answer = try await withTaskExecutorPreference(Self.executor) { try gloss(body) }
            return JSONBody.response(try JSONBody.bounded(answer, requestBytes: bytes, options: options))
        }
        router.post("distill") { request, _ in
            let (body, bytes) = try await JSONBody.decodeSized(DistillRequest.self, from: request, limit: options.jsonLimit)
            let answer = try await withTaskExecutorPreference(Self.executor) { try await distill(body) }
            return JSONBody.response(try JSONBody.bounded(answer, requestBytes: bytes, options: options))
        }
    }

    /// Glosses of the text or segments in `signLanguage` (default csl), with the coverage report when asked.
    private func gloss(_ body: GlossRequest) throws -> Data {
        let translator = try resources.kit(body.signLanguage ?? "csl").translator
        let sequence: GlossSequence
        switch (body.text, body.segments) {
        case let (text?, nil):
            guard text.contains(where: { !$0.isWhitespace }) else { throw GlossError.emptyInput(source: "text") }
            sequence = translator.translate(text: text)
        case let (nil, segments?):
            try TimedText.check(segments, source: "segments")
            sequence = translator.translate(segments: segments)
        default: throw ServiceError.badRequest("give either 'text' or 'segments'")
        }
        return body.coverage == true ? try JSON.data(CoveredGlossSequence(sequence)) : try JSON.data(sequence)
    }

    /// The input condensed to the signing rate, with the embedded rules, as `signanchor distill --format json`.
    private func distill(_ body: DistillRequest) async throws -> Data {
        let input: DistillInput
        switch (body.text, body.segments, body.transcript) {
        case let (text?, nil, nil): input = DistillInput(text: text)
        case let (nil, segments?, nil):
            try TimedText.check(segments, source: "segments")
            input = DistillInput(text: segments.map(\.text).joined(separator: "\n"), segments: segments)
        case let (nil, nil, transcript?):
            try transcript.check(source: "transcript")
            input = DistillInput(text: transcript.segments.map(\.text).joined(separator: "\n"), segments: transcript.segments,
                                 declaredLanguage: transcript.language.isEmpty ? nil : transcript.language)
        default: throw ServiceError.badRequest("give one of 'text', 'segments' or 'transcript'")
        }
        let language = try body.language.map { tag in
            guard let language = DistillLanguage(tag: tag) else { throw ServiceError.badRequest("language '\(tag)' is not zh or en") }
            return language
        }
        if let speechRate = body.speechRate, !(speechRate > 0 && speechRate.isFinite) {
            throw ServiceError.badRequest("speechRate must be above 0")
        }
        let rate = body.rate ?? 80
        let options = try DistillOptions(rate: body.signs == true ? .signsPerMinute(rate) : .unitsPerMinute(rate), maxLag: body.maxLag ?? 4)
        let (transcript, spoken) = try input.transcript(language: language, speechRate: body.speechRate, source: "body")
        let kit = try resources.kit(body.signLanguage ?? spoken.defaultSignLanguage)
        // Signing time as the avatar takes it, as `anchor` and `signanchor distill` measure it.
        let estimator = AnimatedTimeEstimator(translator: kit.translator, animation: kit.animation)
        let script = await Distiller(analyzer: try kit.analyzer(spoken), estimator: estimator, options: options).distill(transcript)
        return try JSON.data(script)
    }
}
