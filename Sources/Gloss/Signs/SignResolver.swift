import Lexicon

/// Finds the signs for a word: the out-of-vocabulary cascade.
///
/// Lexicon (variant by part of speech and priority) → the grammar's synonym table → lemma (English) →
/// decomposition into lexicon words (国家队 → 国家 队, 下雨 → 下 雨; abbreviations such as 混双 → 混合 双打
/// are synonyms in the grammar data, each synonym word signed or else spelt) → fingerspelling (pinyin units for CSL, letters for ASL). Numbers go to the
/// ``NumberReader``. Names (runs of unknown characters) skip lemma and decomposition.
struct SignResolver: Sendable {
    let lexicon: Lexicon
    let grammar: GlossGrammar
    let lemmatizer: EnglishLemmatizer?
    let speller: Fingerspeller
    let numbers: NumberReader
    private let lexiconWords: Set<String>
    private let longestWord: Int
    private let hasAlphabet: Bool

    init(lexicon: Lexicon, grammar: GlossGrammar, lemmatizer: EnglishLemmatizer?, pinyin: Pinyin?) {
        self.lexicon = lexicon
        self.grammar = grammar
        self.lemmatizer = lemmatizer
        speller = Fingerspeller(lexicon: lexicon, pinyin: pinyin)
        numbers = NumberReader(grammar: grammar)
        lexiconWords = lexicon.words(language: grammar.spokenLanguage)
        longestWord = lexiconWords.lazy.map(\.count).max() ?? 1
        hasAlphabet = lexicon.entries.contains { $0.spells != nil }
    }

    /// The signs for an item; empty when nothing can sign it (reported as unmatched).
    func signs(for item: Item, isYear: Bool, partOfSpeech: PartOfSpeech?) -> [SignDraft] {
        let text = item.text
        if item.tokens.allSatisfy({ $0.kind == .number }), let units = numbers.units(text, isYear: isYear) {
            return [SignDraft(kind: .number, label: units.joined(separator: "-"), entry: nil,
                              units: units.map { GlossUnit(unit: $0, entry: numberSign($0)) }, match: .number)]
        }
        if let entry = sign(text, partOfSpeech) { return [draft(entry, .lexicon)] }
        if let replacement = grammar.synonyms[item.key] {
            return replacement.flatMap { word in sign(word, nil).map { [draft($0, .synonym)] } ?? spelling(word) }
        }
        if !item.isName {
            if let lemmatizer, case let lemma = lemmatizer.lemma(text), lemma != item.key,
               let entry = sign(lemma, partOfSpeech) {
                return [draft(entry, .lemma)]
            }
            if let parts = decomposition(text) { return parts.compactMap { sign($0, nil) }.map { draft($0, .decomposition) } }
        }
        // A phrase the lexicon lacks as a whole (a time phrase such as "tomorrow morning") is signed word by word.
        let words = text.split(whereSeparator: \.isWhitespace)
        if words.count > 1 {
            return words.flatMap { word in sign(String(word), nil).map { [draft($0, .decomposition)] } ?? spelling(String(word)) }
        }
        return spelling(text)
    }

    /// The preferred lexicon sign for a word, by part of speech then priority; word and gloss matches only.
    private func sign(_ text: String, _ partOfSpeech: PartOfSpeech?) -> LexiconEntry? {
        lexicon.lookup(text, language: grammar.spokenLanguage, partOfSpeech: partOfSpeech)
            .first { $0.kind != .id }?.entry
    }

    private func draft(_ entry: LexiconEntry, _ match: Gloss.Match) -> SignDraft {
        SignDraft(kind: .sign, label: entry.gloss, entry: entry.id, units: [], match: match)
    }

    /// The sign of one number unit: a digit's handshape entry, else the word (百, hundred).
    private func numberSign(_ unit: String) -> String? {
        (lexicon.fingerspelling(unit) ?? sign(unit, .numeral) ?? sign(unit, nil))?.id
    }

    /// Splits a word into two or more lexicon words, longest first from the left (下雨 → 下 雨); nil unless
    /// every part is a lexicon word (Latin parts need three letters or more).
    private func decomposition(_ text: String) -> [String]? {
        let characters = Array(text.lowercased())
        guard characters.count >= 2, characters.count <= 64, characters.allSatisfy(\.isLetter) else { return nil }
        let latin = characters.allSatisfy(\.isASCII)
        var parts: [String] = []
        var start = 0
        while start < characters.count {
            var length = min(longestWord, characters.count - start)
            if start == 0 { length = min(length, characters.count - 1) }
            while length > 0 {
                let part = String(characters[start..<start + length])
                if (!latin || length >= 3), lexiconWords.contains(part) { break }
                length -= 1
            }
            guard length > 0 else { return nil }
            parts.append(String(characters[start..<start + length]))
            start += length
        }
        return parts.count >= 2 ? parts : nil
    }

    /// Fingerspelling, or nothing when no unit can be spelt (emoji, or letters the alphabet lacks).
    private func spelling(_ text: String) -> [SignDraft] {
        let units = speller.spell(text).map { GlossUnit(unit: $0.unit, entry: $0.entry?.id) }
        guard !units.isEmpty, !hasAlphabet || units.contains(where: { $0.entry != nil }) else { return [] }
        return [SignDraft(kind: .fingerspelling, label: "fs-" + units.map(\.unit).joined(), entry: nil,
                          units: units, match: .fingerspelled)]
    }
}
