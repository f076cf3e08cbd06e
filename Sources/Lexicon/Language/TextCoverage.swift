/// How much of a text's content the lexicon covers before fingerspelling: the measure behind the
/// "≥ 85 % of content words" target.
///
/// Content words are the text's words less numbers, punctuation and the spoken language's function words
/// (``functionWords(language:root:)``, the words Gloss drops). A word is covered when a lexicon
/// entry maps it (after lemmatisation for English), or, for Chinese, when it splits wholly into lexicon words.
public struct TextCoverage: Sendable, Codable, Equatable {
    /// Content words counted.
    public var contentWords = 0
    /// Content words an entry maps directly.
    public var direct = 0
    /// Content words covered only by splitting into lexicon words (``SignFallback/segmentation(_:)``: longer words,
    /// then characters marked `in-words`).
    public var decomposed = 0
    /// English content words covered only by a first-sense synonym's sign (``SignFallback/synonym(_:partOfSpeech:)``).
    public var synonyms = 0
    /// Content words not covered, with how often each occurs.
    public var missing: [String: Int] = [:]

    /// Covered share, 0–1, counting decomposed words as covered.
    public var ratio: Double { contentWords == 0 ? 1 : Double(direct + decomposed + synonyms) / Double(contentWords) }

    /// Measures Chinese text segmented by `segmenter` against `lexicon`.
    public static func chinese(_ text: String, lexicon: Lexicon, segmenter: ChineseSegmenter,
                               functionWords: Set<String>) -> TextCoverage {
        var result = TextCoverage()
        let fallback = SignFallback(lexicon: lexicon, language: "zh-Hans")
        for token in segmenter.segment(text) where [.lexicon, .general, .character, .latin].contains(token.kind) {
            guard !functionWords.contains(token.text) else { continue }
            result.contentWords += 1
            if token.kind == .lexicon && !lexicon.lookup(token.text, language: "zh-Hans").isEmpty {
                result.direct += 1
            } else if token.kind != .latin, fallback.segmentation(token.text) != nil {
                result.decomposed += 1
            } else {
                result.missing[token.text, default: 0] += 1
            }
        }
        return result
    }

    /// Measures English text: words are lemmatised, multiword expressions of up to four words matched first;
    /// with a `thesaurus`, a word without a sign may be covered by a first-sense synonym's.
    public static func english(_ text: String, lexicon: Lexicon, lemmatizer: EnglishLemmatizer,
                               functionWords: Set<String>, thesaurus: Thesaurus? = nil) -> TextCoverage {
        var result = TextCoverage()
        let fallback = SignFallback(lexicon: lexicon, language: "en", lemmatizer: lemmatizer, thesaurus: thesaurus)
        let words = EnglishLemmatizer.words(text)
        var index = 0
        while index < words.count {
            if let length = (2...4).reversed().first(where: { length in
                index + length <= words.count
                    && !lexicon.lookup(words[index..<index + length].joined(separator: " "), language: "en").isEmpty
            }) {
                result.contentWords += 1
                result.direct += 1
                index += length
                continue
            }
            let word = words[index]
            index += 1
            let lower = word.lowercased()
            if word.first!.isNumber || functionWords.contains(lower) { continue }
            result.contentWords += 1
            if !lexicon.lookup(lemmatizer.lemma(word), language: "en").isEmpty {
                result.direct += 1
            } else if fallback.synonym(word) != nil {
                result.synonyms += 1
            } else {
                result.missing[lower, default: 0] += 1
            }
        }
        return result
    }

    /// The function words of spoken language `language` (`zh-Hans`, `en`): particles, articles, auxiliaries
    /// and the like that sign glossing drops, from `<language>-function-words.txt`, lower case.
    /// - Throws: ``LexiconError/missingData(path:hint:)`` when there is no list for the language.
    public static func functionWords(language: String, root: String) throws -> Set<String> {
        let records = try SpokenData.records("\(language)-function-words.txt", root: root)
        return Set(records.flatMap { $0.text.split(whereSeparator: \.isWhitespace).map { $0.lowercased() } })
    }
}
