/// A lookup match as JSON writes it: `signanchor lexicon lookup --format json` and `GET /lexicon/lookup`.
public struct LookupResult: Sendable, Encodable {
    /// The entry's id.
    public var id: String
    /// The entry's gloss.
    public var gloss: String
    /// `word`, `gloss` or `id`.
    public var matchedBy: String
    /// The word sense that matched, for word matches.
    public var sense: WordSense?
    /// The whole entry.
    public var entry: LexiconEntry

    /// The JSON shape of `match`.
    public init(_ match: LexiconMatch) {
        id = match.entry.id
        gloss = match.entry.gloss
        matchedBy = match.kind.rawValue
        sense = match.sense
        entry = match.entry
    }
}

/// A search hit as JSON writes it: `signanchor lexicon search --format json` and `GET /lexicon/search`.
public struct SearchResult: Sendable, Encodable {
    /// The entry's id.
    public var id: String
    /// The entry's gloss.
    public var gloss: String
    /// The word, gloss or pinyin spelling that matched.
    public var matched: String
    /// `exact`, `prefix`, `substring` or `pinyin`.
    public var rank: String
    /// The entry's category.
    public var category: String
    /// Whether a signer has checked the entry.
    public var verified: Bool
    /// The entry's words by spoken language (`zh-Hans`, `en`), every sense's in order.
    public var words: [String: [String]]

    /// The JSON shape of `hit`.
    public init(_ hit: SearchHit) {
        id = hit.entry.id
        gloss = hit.entry.gloss
        matched = hit.matched
        rank = String(describing: hit.rank)
        category = hit.entry.category
        verified = hit.entry.verified
        words = Dictionary(hit.entry.words.map { ($0.language, $0.words) }, uniquingKeysWith: +)
    }
}

extension Lexicon {
    /// ``lookup(_:language:partOfSpeech:)``, and when nothing matches an English word, its lemma
    /// (`walked` → `walk`) by `lemmatizer`, which is only made when needed.
    public func lookup(_ text: String, language: String?, partOfSpeech: PartOfSpeech?,
                       lemmatizer: () throws -> EnglishLemmatizer?) rethrows -> [LexiconMatch] {
        let matches = lookup(text, language: language, partOfSpeech: partOfSpeech)
        guard matches.isEmpty, info.spokenLanguages.contains("en"), language == nil || language == "en",
              let lemmatizer = try lemmatizer() else { return matches }
        return lookup(lemmatizer.lemma(text), language: "en", partOfSpeech: partOfSpeech)
    }
}
