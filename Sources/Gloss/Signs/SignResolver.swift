import Lexicon

/// Finds the signs for a word: the out-of-vocabulary cascade.
///
/// Numbers go to the ``NumberReader``; then the lexicon (variant by part of speech and priority; a compound entry is
/// marked `compound`) → the grammar's synonym table (abbreviations such as 混双 → 混合 双打, each word signed or
/// else spelt) → Lexicon's ``SignFallback``: lemma (English), first-sense WordNet synonym in the same part of speech
/// (English), segmentation into longer known words, then characters whose signs carry their meaning in words →
/// a phrase the lexicon lacks, word by word → fingerspelling (pinyin units for CSL, letters for ASL). Names (runs of
/// unknown characters) skip the fallbacks: a name is spelt, never translated.
struct SignResolver: Sendable {
    let lexicon: Lexicon
    let grammar: GlossGrammar
    let speller: Fingerspeller
    let numbers: NumberReader
    let fallback: SignFallback
    private let hasAlphabet: Bool

    init(lexicon: Lexicon, grammar: GlossGrammar, lemmatizer: EnglishLemmatizer?, thesaurus: Thesaurus?, pinyin: Pinyin?) {
        self.lexicon = lexicon
        self.grammar = grammar
        speller = Fingerspeller(lexicon: lexicon, pinyin: pinyin)
        numbers = NumberReader(grammar: grammar)
        fallback = SignFallback(lexicon: lexicon, language: grammar.spokenLanguage, lemmatizer: lemmatizer, thesaurus: thesaurus)
        hasAlphabet = lexicon.entries.contains { $0.spells != nil }
    }

    /// The signs for an item; empty when nothing can sign it (reported as unmatched).
    func signs(for item: Item, isYear: Bool, partOfSpeech: PartOfSpeech?) -> [SignDraft] {
        let text = item.text
        if item.tokens.allSatisfy({ $0.kind == .number }), let units = numbers.units(text, isYear: isYear) {
            return [number(units)]
        }
        if let entry = sign(text, partOfSpeech) { return [draft(entry, entry.compound != nil ? .compound : .lexicon)] }
        // A number word the lexicon has no sign for (forty, eighteen) is signed as its number, not spelt.
        if grammar.spokenLanguage == "en", !text.contains(" "), let value = EnglishNumerals.value(text),
           let units = numbers.units(String(value), isYear: false) {
            return [number(units)]
        }
        if let replacement = grammar.synonyms[item.key] {
            return replacement.flatMap { word in sign(word, nil).map { [draft($0, .synonym)] } ?? spelling(word) }
        }
        if !item.isName, let found = fallback.fallback(text, partOfSpeech: partOfSpeech) {
            let match: Gloss.Match = switch found.route {
            case .lexicon: .lexicon
            case .lemma: .lemma
            case .synonym: .thesaurus
            case .segmentation: .segmentation
            case .characters: .characters
            }
            return found.entries.map { draft($0, match) }
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
        fallback.sign(text, partOfSpeech: partOfSpeech)
    }

    private func draft(_ entry: LexiconEntry, _ match: Gloss.Match) -> SignDraft {
        SignDraft(kind: .sign, label: entry.gloss, entry: entry.id, units: [], match: match)
    }

    /// A number signed unit by unit.
    private func number(_ units: [String]) -> SignDraft {
        SignDraft(kind: .number, label: units.joined(separator: "-"), entry: nil,
                  units: units.map { GlossUnit(unit: $0, entry: numberSign($0)) }, match: .number)
    }

    /// The sign of one number unit: a digit's handshape entry, else the word (百, hundred).
    private func numberSign(_ unit: String) -> String? {
        (lexicon.fingerspelling(unit) ?? sign(unit, .numeral) ?? sign(unit, nil))?.id
    }

    /// Fingerspelling, or nothing when no unit can be spelt (emoji, or letters the alphabet lacks).
    private func spelling(_ text: String) -> [SignDraft] {
        let units = speller.spell(text).map { GlossUnit(unit: $0.unit, entry: $0.entry?.id) }
        guard !units.isEmpty, !hasAlphabet || units.contains(where: { $0.entry != nil }) else { return [] }
        return [SignDraft(kind: .fingerspelling, label: "fs-" + units.map(\.unit).joined(), entry: nil,
                          units: units, match: .fingerspelled)]
    }
}
