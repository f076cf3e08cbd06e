/// Finds signs for a word before anyone fingerspells it: the lexicon, then fallbacks that keep the meaning.
///
/// In order: the lexicon (a word's own entry, by part of speech), its English lemma (`walked` → WALK), an English
/// synonym from the word's **first** WordNet sense in the **same** part of speech that has a sign (`purchase` → BUY),
/// a segmentation into longer known words (国家队 → 国家 + 队 only when 队 may stand for itself, see below;
/// 高速公路 → 高速 + 公路), and last the signs of single characters whose entry says they carry the character's
/// meaning inside words (`zh-Hans: 火; in-words=true`). Whatever none of these finds is fingerspelled by the caller.
/// Gloss (signing) and `lexicon coverage` (measuring) both use this one cascade.
public struct SignFallback: Sendable {
    /// How a word got its signs.
    public enum Route: String, Sendable, Codable, CaseIterable {
        /// The word itself is in the lexicon.
        case lexicon
        /// Its English lemma is.
        case lemma
        /// A synonym of its first WordNet sense, same part of speech.
        case synonym
        /// Split wholly into known words of two or more characters (three or more Latin letters).
        case segmentation
        /// Split into known words and single characters whose signs carry their meaning inside words.
        case characters
    }

    /// The signs found for a word.
    public struct Signing: Sendable, Equatable {
        /// How they were found.
        public var route: Route
        /// The words signed, in order: the word, its lemma or synonym, or its parts.
        public var words: [String]
        /// One entry per word, in order.
        public var entries: [LexiconEntry]
    }

    /// The dictionary.
    public let lexicon: Lexicon
    /// The spoken language of the words (`zh-Hans`, `en`).
    public let language: String
    private let lemmatizer: EnglishLemmatizer?
    private let thesaurus: Thesaurus?
    private let thesaurusLemmatizer: EnglishLemmatizer?
    private let words: Set<String>
    private let characters: Set<Character>
    private let longest: Int

    /// Creates the cascade for `language` words; English uses `lemmatizer` and `thesaurus` when given.
    public init(lexicon: Lexicon, language: String, lemmatizer: EnglishLemmatizer? = nil, thesaurus: Thesaurus? = nil) {
        self.lexicon = lexicon
        self.language = language
        self.lemmatizer = lemmatizer
        self.thesaurus = thesaurus
        thesaurusLemmatizer = thesaurus.flatMap { thesaurus in lemmatizer?.knowing { thesaurus.contains($0) } }
        words = lexicon.words(language: language)
        longest = words.lazy.map(\.count).max() ?? 1
        var characters: Set<Character> = []
        for entry in lexicon.entries {
            for sense in entry.words where sense.language == language && sense.signsInWords {
                for word in sense.words where word.count == 1 { characters.insert(word.first!) }
            }
        }
        self.characters = characters
    }

    /// The word's own sign: word and gloss matches in `language`, by part of speech then priority.
    public func sign(_ word: String, partOfSpeech: PartOfSpeech? = nil) -> LexiconEntry? {
        lexicon.lookup(word, language: language, partOfSpeech: partOfSpeech).first { $0.kind != .id }?.entry
    }

    /// The whole cascade: the word's own sign, then ``fallback(_:partOfSpeech:)``.
    public func signing(_ word: String, partOfSpeech: PartOfSpeech? = nil) -> Signing? {
        if let entry = sign(word, partOfSpeech: partOfSpeech) { return Signing(route: .lexicon, words: [word], entries: [entry]) }
        return fallback(word, partOfSpeech: partOfSpeech)
    }

    /// The fallbacks after the word's own sign: lemma, synonym, segmentation, characters; nil when none applies.
    public func fallback(_ word: String, partOfSpeech: PartOfSpeech? = nil) -> Signing? {
        if let lemmatizer, case let lemma = lemmatizer.lemma(word), lemma != Lexicon.key(word),
           let entry = sign(lemma, partOfSpeech: partOfSpeech) {
            return Signing(route: .lemma, words: [lemma], entries: [entry])
        }
        if let synonym = synonym(word, partOfSpeech: partOfSpeech) { return synonym }
        return segmentation(word)
    }

    /// A synonym from the first WordNet sense of the word's lemma that has a sign whose part of speech is the sense's
    /// (or unstated), the most frequent in that sense first. Never another sense, never another part of speech.
    public func synonym(_ word: String, partOfSpeech: PartOfSpeech? = nil) -> Signing? {
        guard let thesaurus, let thesaurusLemmatizer, !word.contains(" ") else { return nil }
        let lemma = thesaurusLemmatizer.lemma(word)
        guard let sense = thesaurus.firstSense(of: lemma, partOfSpeech: partOfSpeech) else { return nil }
        for synonym in sense.synonyms {
            let key = Lexicon.key(synonym)
            // The entry must map the synonym in this part of speech (or without one): BUY as a verb for "purchase".
            let match = lexicon.lookup(synonym, language: language, partOfSpeech: sense.partOfSpeech).first { match in
                match.kind == .word && match.entry.words.contains { other in
                    other.language == language && other.words.contains { Lexicon.key($0) == key }
                        && (other.partOfSpeech == nil || other.partOfSpeech == sense.partOfSpeech)
                }
            }
            if let match { return Signing(route: .synonym, words: [synonym], entries: [match.entry]) }
        }
        return nil
    }

    /// The word split wholly into known words, fewest single characters then fewest parts: `segmentation` when every
    /// part has two or more characters (Latin: three or more letters), `characters` when single characters marked
    /// `in-words` are needed. Nil when no split covers the word or it is a single part.
    public func segmentation(_ word: String) -> Signing? {
        let text = Array(Lexicon.key(word))
        guard text.count >= 2, text.count <= 64, text.allSatisfy(\.isLetter) else { return nil }
        let latin = text.allSatisfy(\.isASCII)
        // best[i]: the cheapest split of text[..<i] as (single characters, parts, start of the last part).
        var best: [(singles: Int, parts: Int, from: Int)?] = Array(repeating: nil, count: text.count + 1)
        best[0] = (0, 0, 0)
        for end in 1...text.count {
            for length in 1...min(longest, end) {
                guard let previous = best[end - length] else { continue }
                let single: Bool
                if length == 1 {
                    guard !latin, characters.contains(text[end - 1]), words.contains(String(text[end - 1])) else { continue }
                    single = true
                } else {
                    guard !latin || length >= 3, length < text.count, words.contains(String(text[end - length..<end])) else { continue }
                    single = false
                }
                let cost = (previous.singles + (single ? 1 : 0), previous.parts + 1, end - length)
                if best[end].map({ (cost.0, cost.1) < ($0.singles, $0.parts) }) ?? true { best[end] = cost }
            }
        }
        guard let whole = best[text.count], whole.parts >= 2 else { return nil }
        var parts: [String] = []
        var end = text.count
        while end > 0, let step = best[end] {
            parts.insert(String(text[step.from..<end]), at: 0)
            end = step.from
        }
        let entries = parts.compactMap { sign($0) }
        guard entries.count == parts.count else { return nil }
        return Signing(route: whole.singles > 0 ? .characters : .segmentation, words: parts, entries: entries)
    }
}
