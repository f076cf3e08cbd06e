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
    /// For a compound sign, the ids of its parts in order (entries of the same sign language, possibly compounds
    /// themselves); nil for a sign with its own `manual:` block. A loaded ``Lexicon`` fills ``phonology`` of a
    /// compound with its parts' manual descriptions in sequence (``CompoundExpansion``).
    public var compound: [String]?
    /// How the sign is made.
    public var phonology: Phonology
    /// Timing hints for synthesis.
    public var timing: TimingHints
    /// Where the description comes from.
    public var provenance: Provenance
    /// True only after a signer has checked the entry.
    public var verified: Bool
    /// Who checked it and when (`reviewed-by:`, `reviewed:`), written by `lexicon review apply`; nil before a review.
    public var review: EntryReview?
    /// Free remarks, e.g. what is uncertain.
    public var note: String?

    /// Creates an entry.
    public init(id: String, gloss: String, category: String, words: [WordSense], spells: String? = nil,
                compound: [String]? = nil, phonology: Phonology = Phonology(), timing: TimingHints = TimingHints(), provenance: Provenance,
                verified: Bool = false, review: EntryReview? = nil, note: String? = nil) {
        self.id = id
        self.gloss = gloss
        self.category = category
        self.words = words
        self.spells = spells
        self.compound = compound
        self.phonology = phonology
        self.timing = timing
        self.provenance = provenance
        self.verified = verified
        self.review = review
        self.note = note
    }
}

/// A signer's check of an entry: who, and on which day.
public struct EntryReview: Sendable, Codable, Equatable {
    /// The reviewer's name as they gave it (not an identity: the review form has no login).
    public var reviewer: String
    /// The day of the review, `YYYY-MM-DD` (UTC).
    public var date: String

    /// Creates a review mark.
    public init(reviewer: String, date: String) {
        self.reviewer = reviewer
        self.date = date
    }

    /// Whether `text` has the shape `YYYY-MM-DD` (digits and dashes).
    public static func isDay(_ text: some StringProtocol) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 10 && bytes.enumerated().allSatisfy { index, byte in
            index == 4 || index == 7 ? byte == UInt8(ascii: "-") : (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
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
    /// For single Chinese characters (`zh-Hans: 火; in-words=true`): the sign carries the character's meaning inside
    /// longer words (火 in 火灾, 火山), so a word the lexicon lacks may be signed character by character with it.
    public var signsInWords: Bool

    /// Creates a word sense.
    public init(language: String, words: [String], partOfSpeech: PartOfSpeech? = nil, priority: Int = 1,
                region: String? = nil, sense: String? = nil, signsInWords: Bool = false) {
        self.language = language
        self.words = words
        self.partOfSpeech = partOfSpeech
        self.priority = priority
        self.region = region
        self.sense = sense
        self.signsInWords = signsInWords
    }

    private enum CodingKeys: String, CodingKey {
        case language, words, partOfSpeech, priority, region, sense, signsInWords
    }

    /// Decodes a word sense; `signsInWords` may be absent (false).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        language = try container.decode(String.self, forKey: .language)
        words = try container.decode([String].self, forKey: .words)
        partOfSpeech = try container.decodeIfPresent(PartOfSpeech.self, forKey: .partOfSpeech)
        priority = try container.decode(Int.self, forKey: .priority)
        region = try container.decodeIfPresent(String.self, forKey: .region)
        sense = try container.decodeIfPresent(String.self, forKey: .sense)
        signsInWords = try container.decodeIfPresent(Bool.self, forKey: .signsInWords) ?? false
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
