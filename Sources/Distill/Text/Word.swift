import Lexicon

/// One word of a clause, classified for the rate model, the cleaner and the ranker.
public struct Word: Sendable, Equatable {
    /// What the word is for signing.
    public enum Kind: String, Sendable, Codable {
        /// Signed with one or more lexicon signs (directly, or split into known parts).
        case sign
        /// Not in the lexicon: fingerspelled.
        case unknown
        /// A number (digits or number words): number signs.
        case number
        /// A function word sign language drops (的, the).
        case function
        /// Punctuation: a pause or nothing.
        case punctuation
    }

    /// The word as written.
    public var text: String
    /// Its kind.
    public var kind: Kind
    /// True for a name (a place, person or organisation): never changed or invented.
    public var isName: Bool
    /// True for a negation: never dropped from a kept clause.
    public var isNegation: Bool
    /// The signs that make the word; empty for spelt words, function words and punctuation.
    public var signs: [LexiconEntry]
    /// Fingerspelling units for an unknown word (`ZH`, `A`), else empty.
    public var spelled: [String]
    /// The part of speech in its sentence (from jieba's tags or WordNet; ``WordClassifier``).
    public var wordClass: WordClass

    /// Creates a word.
    public init(text: String, kind: Kind, isName: Bool = false, isNegation: Bool = false,
                signs: [LexiconEntry] = [], spelled: [String] = [], wordClass: WordClass = .other) {
        self.text = text
        self.kind = kind
        self.isName = isName
        self.isNegation = isNegation
        self.signs = signs
        self.spelled = spelled
        self.wordClass = wordClass
    }

    /// True for a number: a number token, or a word the dictionary tags as a numeral (百分之五, 两千).
    public var isNumeric: Bool { kind == .number || wordClass == .number }

    /// True for words that carry content: signs, spelt words and numbers.
    public var isContent: Bool { kind == .sign || kind == .unknown || kind == .number }

    /// True for what a distiller must keep unchanged in a kept clause: numbers, names, negations.
    public var isProtected: Bool { kind == .number || isName || isNegation }
}
