/// One sign in a sign language's dictionary.
public struct LexiconEntry: Sendable, Codable, Equatable {
    /// Unique within its sign language: lowercase ASCII letters, digits, `-`, `_` and `.` (e.g. `beijing`, `letter-zh`).
    public var id: String
    /// The gloss written in sign sequences, e.g. `北京` or `BOOK`.
    public var gloss: String
    /// A category from the sign language's `language.txt` (e.g. `places`, `fingerspelling`).
    public var category: String
    /// The spoken-language words that map to this sign, one value per language, part of speech and sense.
    public var words: [WordSense]
    /// For a fingerspelling unit, the unit it spells in upper case (`A`, `ZH`, `NG`); nil otherwise.
    public var spells: String?
    /// How the sign is made.
    public var phonology: Phonology
    /// Timing hints for synthesis.
    public var timing: TimingHints
    /// Where the description comes from.
    public var provenance: Provenance
    /// True only after a signer has checked the entry.
    public var verified: Bool
    /// Free remarks, e.g. what is uncertain.
    public var note: String?

    /// Creates an entry.
    public init(id: String, gloss: String, category: String, words: [WordSense], spells: String? = nil,
                phonology: Phonology, timing: TimingHints = TimingHints(), provenance: Provenance,
                verified: Bool = false, note: String? = nil) {
        self.id = id
        self.gloss = gloss
        self.category = category
        self.words = words
        self.spells = spells
        self.phonology = phonology
        self.timing = timing
        self.provenance = provenance
        self.verified = verified
        self.note = note
    }
}

/// Words of one spoken language that map to a sign, with the part of speech, sense and priority they share.
public struct WordSense: Sendable, Codable, Equatable {
    /// A BCP 47 tag listed in the sign language's `language.txt`, e.g. `zh-Hans`, `en`.
    public var language: String
    /// Synonyms and multiword expressions, in the form text uses (English lower case except names).
    public var words: [String]
    /// The part of speech these words have in this sense.
    public var partOfSpeech: PartOfSpeech?
    /// 1 is the preferred sign for these words; larger numbers are fallbacks or regional variants.
    public var priority: Int
    /// A region where this sign is used for these words (e.g. `CN-BJ`, `US-South`).
    public var region: String?
    /// A short sense label telling homographs apart (e.g. `money` for "bank").
    public var sense: String?

    /// Creates a word sense.
    public init(language: String, words: [String], partOfSpeech: PartOfSpeech? = nil, priority: Int = 1,
                region: String? = nil, sense: String? = nil) {
        self.language = language
        self.words = words
        self.partOfSpeech = partOfSpeech
        self.priority = priority
        self.region = region
        self.sense = sense
    }
}

/// Parts of speech the lexicon distinguishes.
public enum PartOfSpeech: String, Sendable, Codable, CaseIterable {
    case noun, verb, adjective, adverb, pronoun, numeral, measure, preposition, conjunction
    case particle, interjection, name, phrase, letter
}

/// Timing hints for synthesis; nil means "use the movement-type default".
public struct TimingHints: Sendable, Codable, Equatable {
    /// Citation duration of the sign in seconds.
    public var duration: Double?
    /// How long the final posture is held, in seconds.
    public var hold: Double?
    /// A speed factor relative to the default (1 = normal).
    public var speed: Double?

    /// Creates timing hints.
    public init(duration: Double? = nil, hold: Double? = nil, speed: Double? = nil) {
        self.duration = duration
        self.hold = hold
        self.speed = speed
    }

    /// True when no hint is set.
    public var isEmpty: Bool { duration == nil && hold == nil && speed == nil }
}

/// Where an entry's description comes from and under which licence.
public struct Provenance: Sendable, Codable, Equatable {
    /// The source, e.g. `authored: phonological description (SignAnchor)` or `ngt-sigml ZZ-SP.sigml`.
    public var source: String
    /// The licence of the source data, when it is not the project's own.
    public var license: String?

    /// Creates a provenance.
    public init(source: String, license: String? = nil) {
        self.source = source
        self.license = license
    }
}
