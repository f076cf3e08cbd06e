import AnchorCore
import Distill
import Foundation
import Hummingbird
import Pipeline

/// `POST /jobs` (the body is the media file), `GET /jobs/{id}`, `/jobs/{id}/result` (MP4), `/jobs/{id}/report` (JSON).
struct JobRoutes {
    let resources: ServiceResources
    let queue: JobQueue
    let options: ServiceOptions

    /// Adds the routes to `router`.
    func add<Context: RequestContext>(to router: Router<Context>) {
        router.post("jobs") { request, context in try await submit(request, context: context) }
        router.get("jobs/:id") { _, context in
            try JSONBody.response(try await queue.record(context.parameters.require("id")).status)
        }
        router.get("jobs/:id/result") { _, context in
            let record = try await finished(context.parameters.require("id"))
            let body = try await FileIO().loadFile(path: record.output.path, context: context)
            return Response(status: .ok, headers: [.contentType: "video/mp4"], body: body)
        }
        router.get("jobs/:id/report") { _, context in
            let record = try await finished(context.parameters.require("id"))
            return JSONBody.response(record.finishedReport ?? Data())
        }
    }

    /// Stores the upload and queues the job; answers 202 with its status and `Location`.
    private func submit(_ request: Request, context: some RequestContext) async throws -> Response {
        let query = Query(request)
        var settings = try query.anchorOptions(options)
        if let signLanguage = settings.signLanguage { _ = try resources.kit(signLanguage) }
        settings.overlay = try query.bool("overlay", default: true)
        (settings.video.width, settings.video.height) = try query.size("size", default: (1280, 720))
        let transcript = try query.string("text").map { text in
            let spoken = DistillLanguage.detect(text)
            let timed = Transcript.timed(text: text, language: spoken)
            _ = try resources.kit(try settings.languages(forText: timed).signLanguage)
            return timed
        }

        let record = try await queue.create(signLanguage: settings.signLanguage)
        do {
            try await Upload.store(request, to: record.input.path, limit: options.uploadLimit, context: context)
        } catch {
            await queue.discard(record)
            throw error
        }
        await queue.submit(record, job: AnchorJob(options: settings, geometry: resources.geometry, kits: { [resources] in try resources.kit($0) },
                                          model: resources.model),
                           transcript: transcript)
        var response = try JSONBody.response(record.status, status: .accepted)
        response.headers[.location] = "/jobs/\(record.id)"
        return response
    }

    /// The job, once it is done.
    /// - Throws: ``ServiceError/notReady(_:)`` while it runs or when it failed.
    private func finished(_ id: String) async throws -> JobRecord {
        let record = try await queue.record(id)
        let status = record.status
        switch status.status {
        case .done: return record
        case .failed: throw ServiceError.notReady("job \(id) failed: \(status.error ?? "unknown error")")
        case .queued, .running: throw ServiceError.notReady("job \(id) is \(status.status.rawValue)")
        }
    }
}
