import AnchorCore
import Foundation
import Hummingbird
import Lexicon
import Pipeline

/// `GET /health`, `GET /lexicon/lookup`, `/lexicon/search` and `/lexicon/entry`: what is loaded, and the sign dictionaries.
struct LexiconRoutes {
    let resources: ServiceResources

    /// What `GET /lexicon/entry` answers: the entry as loaded (a compound with its parts' forms), the hash a review
    /// of it records, and the address of its video (with the hash, so it changes when the entry does).
    struct EntryAnswer: Encodable {
        var entry: LexiconEntry
        var hash: String
        var video: String
    }

    /// What `GET /health` answers.
    struct Health: Encodable {
        /// One loaded sign language.
        struct Language: Encodable {
            var code: String
            var name: String
            var entries: Int
            /// The categories its entries use, as `language.txt` lists them (the review page's filter).
            var categories: [String]
        }

        var status = "ok"
        var version: String
        var signLanguages: [Language]
        var entries: Int
        var speechModel: Bool
        /// Whether the review endpoints are on (`serve --review-file`).
        var review: Bool
        /// Where each data set was loaded from (docs/cli.md, "Data"), so an operator sees which installation runs.
        var data: [String: String]
    }

    /// Adds the routes to `router`.
    func add<Context: RequestContext>(to router: Router<Context>) {
        router.get("health") { _, _ in try JSONBody.response(health) }
        router.get("lexicon/lookup") { request, _ in try lookup(Query(request)) }
        router.get("lexicon/search") { request, _ in try search(Query(request)) }
        router.get("lexicon/entry") { request, _ in try entry(Query(request)) }
    }

    private var health: Health {
        let languages = resources.kits.values.map(\.tools.lexicon).sorted { $0.info.code < $1.info.code }
            .map { lexicon in
                let used = Set(lexicon.entries.map(\.category))
                return Health.Language(code: lexicon.info.code, name: lexicon.info.name, entries: lexicon.entries.count,
                                       categories: lexicon.info.categories.filter(used.contains))
            }
        let options = resources.options
        return Health(version: SignAnchorVersion.current, signLanguages: languages, entries: languages.map(\.entries).reduce(0, +),
                      speechModel: resources.model != nil, review: options.reviewFile != nil,
                      data: ["lexicon": absolute(options.lexiconRoot), "rig": absolute(options.rigPath), "look": absolute(options.lookPath),
                             "speechModel": absolute(options.modelPath), "web": options.webRoot.map(absolute) ?? "not installed"])
    }

    /// `path` made absolute against the working folder, as the server resolved it at start-up.
    private func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// `word`, `sign-language` (default csl), `language` (spoken), `pos`: the same JSON as `lexicon lookup --format json`.
    private func lookup(_ query: Query) throws -> Response {
        let word = try query.required("word")
        let tools = try resources.kit(query.string("sign-language") ?? "csl").tools
        let partOfSpeech = try query.string("pos").map { name in
            guard let value = PartOfSpeech(rawValue: name) else { throw ServiceError.badRequest("unknown part of speech '\(name)'") }
            return value
        }
        let matches = tools.lexicon.lookup(word, language: query.string("language"), partOfSpeech: partOfSpeech) { tools.lemmatizer }
        guard !matches.isEmpty else { throw LexiconError.notFound(word, signLanguage: tools.lexicon.info.code) }
        return try JSONBody.response(matches.map(LookupResult.init))
    }

    /// `q`, `sign-language` (default csl), `limit` (default 20): the same JSON as `lexicon search --format json`.
    private func search(_ query: Query) throws -> Response {
        let text = try query.required("q")
        let tools = try resources.kit(query.string("sign-language") ?? "csl").tools
        let limit = try query.int("limit", default: 20, in: 1...1000)
        let pinyin = tools.lexicon.info.fingerspelling == .pinyin ? tools.pinyin : nil
        return try JSONBody.response(tools.lexicon.search(text, pinyin: pinyin, limit: limit).map(SearchResult.init))
    }

    /// `id`, `sign-language` (default csl): one entry by id.
    private func entry(_ query: Query) throws -> Response {
        let id = try query.required("id")
        let lexicon = try resources.kit(query.string("sign-language") ?? "csl").tools.lexicon
        guard let entry = lexicon.entry(id: id) else { throw LexiconError.notFound(id, signLanguage: lexicon.info.code) }
        let hash = lexicon.contentHash(of: entry)
        var address = URLComponents()
        address.path = "/lexicon/video"
        // The hash in the address: an edited entry has a new address, so a page showing it fetches the new video.
        address.queryItems = [URLQueryItem(name: "id", value: id), URLQueryItem(name: "sign-language", value: lexicon.info.code),
                              URLQueryItem(name: "v", value: hash)]
        return try JSONBody.response(EntryAnswer(entry: entry, hash: hash, video: address.string ?? address.path))
    }
}
