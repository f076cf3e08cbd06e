/// One sign in a ``GlossSentence``: a lexicon sign, a fingerspelled word, a number sequence or a pause.
///
/// JSON (docs/gloss-format.md): `{"kind": "sign", "label": "北京", "entry": "beijing", "units": [],
/// "source": ["北京"], "start": 1.2, "end": 1.6, "match": "lexicon"}`.
public struct Gloss: Sendable, Codable, Equatable {
    /// What kind of sign this is.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// One lexicon sign, named by ``Gloss/entry``.
        case sign
        /// A word spelt with the manual alphabet, one ``Gloss/units`` element per handshape.
        case fingerspelling
        /// A number, date part, time, amount or score: a sequence of number signs in ``Gloss/units``.
        case number
        /// A pause at a prosodic boundary (punctuation), ``Gloss/pause`` seconds long.
        case pause
    }

    /// How a sign was found for the source words: the steps of the out-of-vocabulary cascade.
    public enum Match: String, Sendable, Codable, CaseIterable {
        /// The words are in the lexicon.
        case lexicon
        /// A synonym from the grammar's synonym table is in the lexicon.
        case synonym
        /// The lemma (English) is in the lexicon.
        case lemma
        /// The words are in the lexicon, and the sign is a compound entry (its parts in sequence).
        case compound
        /// A synonym from the word's first WordNet sense, same part of speech, has a sign (purchase → BUY).
        case thesaurus
        /// The word was split into longer known words (高速公路 → 高速 公路).
        case segmentation
        /// The word was split into known words and characters whose signs carry their meaning in words (火灾 → 火 灾).
        case characters
        /// A phrase the lexicon lacks as a whole, signed word by word (tomorrow morning).
        case decomposition
        /// No sign: spelt with the manual alphabet.
        case fingerspelled
        /// Read as a number.
        case number
        /// Punctuation.
        case punctuation
    }

    /// The kind of sign.
    public var kind: Kind
    /// The text form: the lexicon gloss (`北京`, `BOOK`), `fs-AMIT`, `2-0-2-4`, or the punctuation mark.
    public var label: String
    /// The lexicon entry id for a `sign`; nil otherwise.
    public var entry: String?
    /// The spelt letters or number signs, in order; empty for `sign` and `pause`.
    public var units: [GlossUnit]
    /// The source words this gloss came from, in source order.
    public var source: [String]
    /// Start of the source words on the input's clock in seconds; nil for untimed input.
    public var start: Double?
    /// End of the source words in seconds; nil for untimed input.
    public var end: Double?
    /// How the sign was found.
    public var match: Match
    /// For a pause, its length in seconds; nil otherwise.
    public var pause: Double?

    /// Creates a gloss.
    public init(kind: Kind, label: String, entry: String? = nil, units: [GlossUnit] = [], source: [String],
                start: Double? = nil, end: Double? = nil, match: Match, pause: Double? = nil) {
        self.kind = kind
        self.label = label
        self.entry = entry
        self.units = units
        self.source = source
        self.start = start
        self.end = end
        self.match = match
        self.pause = pause
    }
}

/// One handshape of a fingerspelled word or one sign of a number sequence.
public struct GlossUnit: Sendable, Codable, Equatable {
    /// The unit: a letter or pinyin unit (`A`, `ZH`), a digit (`7`) or a number word (`百`, `hundred`).
    public var unit: String
    /// The lexicon entry that signs it; nil when the lexicon lacks it.
    public var entry: String?

    /// Creates a unit.
    public init(unit: String, entry: String?) {
        self.unit = unit
        self.entry = entry
    }
}
