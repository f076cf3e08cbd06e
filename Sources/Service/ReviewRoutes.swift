import AnchorCore
import Foundation
import Hummingbird
import Lexicon
import Pipeline

/// `GET /review/queue` and `POST /review`: signers step through entries and record verdicts in the review file.
/// Off (404) unless the server was started with `--review-file`.
struct ReviewRoutes {
    let resources: ServiceResources
    let options: ServiceOptions
    /// The review file, nil when review is off.
    let file: ReviewFile?

    /// One entry to review, as `GET /review/queue` lists it: the entry's id, gloss, category and verification,
    /// whether its form is a reconstruction, and the content hash a review of it records.
    struct QueueItem: Encodable {
        var id: String
        var gloss: String
        var category: String
        var verified: Bool
        var reconstruction: Bool
        var hash: String
    }

    /// The body of `POST /review` as the form sends it (every field optional, so a missing one is a 400 naming
    /// it); it becomes a ``ReviewRecord``, which checks itself.
    struct ReviewForm: Decodable {
        var reviewer: String?
        var signLanguage: String?
        var id: String?
        var hash: String?
        var verdict: String?
        var comment: String?
        var correction: String?
    }

    /// What the review endpoints answer when review is off.
    static let off = ServiceError.notFound("review is off: start the server with 'signanchor serve --review-file FILE'")

    /// The longest reviewer name, comment and correction accepted, characters.
    static let nameLimit = 100, textLimit = 4000

    /// Adds the routes to `router`.
    func add<Context: RequestContext>(to router: Router<Context>) {
        router.get("review/queue") { request, _ in try JSONBody.response(try queue(Query(request))) }
        router.post("review") { request, _ in
            let form = try await JSONBody.decode(ReviewForm.self, from: request, limit: options.jsonLimit)
            let record = try await record(form)
            return try JSONBody.response(["recorded": record], status: .created)
        }
    }

    /// The review file, or 404 when review is off.
    private func enabled() throws -> ReviewFile {
        guard let file else { throw Self.off }
        return file
    }

    /// `sign-language` (default csl), `category`, `filter` (unverified (default), reconstructions, all), in file order.
    private func queue(_ query: Query) throws -> [QueueItem] {
        _ = try enabled()
        let lexicon = try resources.kit(query.string("sign-language") ?? "csl").tools.lexicon
        let category = query.string("category")
        if let category, !lexicon.info.categories.contains(category) {
            throw ServiceError.badRequest("unknown category '\(category)' (\(lexicon.info.categories.joined(separator: ", ")))")
        }
        let filter = query.string("filter") ?? "unverified"
        let keep: (LexiconEntry) -> Bool
        switch filter {
        case "unverified": keep = { !$0.verified }
        case "reconstructions": keep = { $0.isReconstruction }
        case "all": keep = { _ in true }
        default: throw ServiceError.badRequest("unknown filter '\(filter)' (unverified, reconstructions, all)")
        }
        return lexicon.entries.filter { (category == nil || $0.category == category) && keep($0) }.map {
            QueueItem(id: $0.id, gloss: $0.gloss, category: $0.category, verified: $0.verified,
                      reconstruction: $0.isReconstruction, hash: lexicon.contentHash(of: $0))
        }
    }

    /// The form checked against the entry it judges and appended to the review file.
    private func record(_ form: ReviewForm) async throws -> ReviewRecord {
        let file = try enabled()
        func field(_ value: String?, _ name: String, limit: Int) throws -> String? {
            let text = value?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            guard text.count <= limit else { throw ServiceError.badRequest("\(name) is longer than \(limit) characters") }
            return text.isEmpty ? nil : text
        }
        guard let reviewer = try field(form.reviewer, "reviewer", limit: Self.nameLimit) else {
            throw ServiceError.badRequest("give the reviewer's name")
        }
        guard let verdict = form.verdict.flatMap(ReviewVerdict.init(rawValue:)) else {
            throw ServiceError.badRequest("verdict must be one of \(ReviewVerdict.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let id = form.id, let hash = form.hash else { throw ServiceError.badRequest("give the entry's id and hash") }
        let lexicon = try resources.kit(form.signLanguage ?? "csl").tools.lexicon
        let record = ReviewRecord(reviewer: reviewer, time: ReviewRecord.timestamp(Date()), signLanguage: lexicon.info.code, id: id, hash: hash,
                                  verdict: verdict, comment: try field(form.comment, "comment", limit: Self.textLimit),
                                  correction: try field(form.correction, "correction", limit: Self.textLimit))
        if let problem = record.problem { throw ServiceError.badRequest(problem) }
        guard let entry = lexicon.entry(id: id) else { throw LexiconError.notFound(id, signLanguage: lexicon.info.code) }
        let current = lexicon.contentHash(of: entry)
        guard current == hash else {
            throw ServiceError.conflict("\(lexicon.info.code): '\(id)' has changed since it was shown (hash \(current)); reload it")
        }
        try await file.append(record)
        return record
    }
}
