/// The most frequent content words of a spoken language, most frequent first: what a lexicon must cover.
///
/// Chinese: jieba's `dict.txt` content words (parts of speech n v a vn ns nt nz t s f an ad, two or more characters),
/// `generated/zh-frequent.txt`. English: PyPI wordfreq's `top_n_list('en', …)`, `generated/en-frequent.txt`,
/// lemmatised with ``EnglishLemmatizer/baseForm(_:isBase:)`` (`played` → `play`, counted once at its first rank)
/// and limited to words of letters. Both less the
/// language's function words (`<language>-function-words.txt`) and, for English, personal pronouns
/// (`en-personal-pronouns.txt`). `scripts/lexicon-data` (run by `scripts/setup`) generates the lists.
public struct FrequencyList: Sendable {
    /// One word of the list.
    public struct Word: Sendable, Equatable, Codable {
        /// The word (a lemma for English).
        public var word: String
        /// Its frequency: jieba's count, or occurrences per million words for wordfreq.
        public var frequency: Double
    }

    /// The spoken language, `zh-Hans` or `en`.
    public let language: String
    /// Where the words come from, for reports.
    public let source: String
    /// The content words, most frequent first.
    public let words: [Word]

    /// The suffix rules that undo inflections; derivations (-er, -ly) change the word (number, only).
    static let inflections: Set<String> = ["ies", "ied", "ves", "sses", "shes", "ches", "xes", "zes", "oes", "es", "s", "ing", "ed"]

    /// The generated file of each language.
    public static let fileNames = ["zh-Hans": "generated/zh-frequent.txt", "en": "generated/en-frequent.txt"]

    /// Loads the list of `language` under `root`; `lemmatizer` reduces English words to lemmas.
    /// - Throws: ``LexiconError/missingData(path:hint:)`` when a list was not generated, ``LexiconError/invalid(_:)``
    ///   for a malformed line; ``LexiconError/cannotRead(path:reason:)`` for an unknown language.
    public init(language: String, root: String, lemmatizer: EnglishLemmatizer? = nil) throws {
        guard let fileName = Self.fileNames[language] else {
            throw LexiconError.cannotRead(path: language, reason: "no frequency list for this language (known: zh-Hans, en)")
        }
        var excluded = try TextCoverage.functionWords(language: language, root: root)
        if language == "en" {
            let pronouns = try SpokenData.records("en-personal-pronouns.txt", root: root)
            excluded.formUnion(pronouns.flatMap { $0.text.split(whereSeparator: \.isWhitespace).map { $0.lowercased() } })
        }
        var listed: [Word] = []
        var issues: [LexiconIssue] = []
        for (line, text) in try SpokenData.records(fileName, root: root) {
            let fields = text.fields(separatedBy: 0x09)
            guard fields.count >= 2, let frequency = Double(fields[1]) else {
                issues.append(LexiconIssue(file: SpokenData.path(fileName, root: root), line: line, field: "syntax",
                                           message: "expected WORD<TAB>frequency; run scripts/lexicon-data"))
                continue
            }
            listed.append(Word(word: String(fields[0]), frequency: frequency))
        }
        guard issues.isEmpty else { throw LexiconError.invalid(issues) }
        // English: a form counts as its base form when the irregular table gives one, or an inflection rule gives a
        // listed word (friends → friend, killed → kill; not miss → "mis"), for -ing only a more frequent one, as -ing
        // also makes nouns of their own (morning is not "morn"). The irregular table keeps exceptions (news).
        // Words of letters only: no contractions, numbers or single letters.
        var rank: [String: Int] = [:]
        if language == "en" { for (index, item) in listed.enumerated() where rank[item.word] == nil { rank[item.word] = index } }
        var seen: Set<String> = []
        var words: [Word] = []
        for (index, item) in listed.enumerated() {
            var word = item.word
            if language == "en" {
                guard word.count >= 2, word.allSatisfy({ $0.isLetter || $0 == "-" }), !excluded.contains(word) else { continue }
                word = lemmatizer?.baseForm(word, suffixes: Self.inflections) { base, suffix in
                    guard let baseRank = rank[base], !(suffix == "s" && ["ss", "us", "is"].contains { word.hasSuffix($0) })
                    else { return false }
                    return suffix != "ing" || baseRank < index
                } ?? word
            }
            guard !excluded.contains(word), seen.insert(word).inserted else { continue }
            words.append(Word(word: word, frequency: item.frequency))
        }
        self.language = language
        source = language == "en" ? "wordfreq top_n_list('en'), lemmatised" : "jieba dict.txt, content parts of speech"
        self.words = words
    }
}
