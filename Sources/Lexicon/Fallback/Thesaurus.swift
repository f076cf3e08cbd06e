/// English synonyms from WordNet 3.0, one row per word and part of speech: the synonyms of the word's first
/// (most frequent) sense, ordered by how often each is used in that sense (SemCor tag counts).
///
/// Read from `Lexicon/spoken/generated/en-synonyms.txt`, which `scripts/lexicon-data` converts from Debian
/// `wordnet-base`. Only the first sense is kept on purpose: a synonym of a rarer sense would change the meaning.
public struct Thesaurus: Sendable {
    /// The first sense of a word in one part of speech.
    public struct Sense: Sendable, Equatable {
        /// Noun, verb, adjective or adverb.
        public var partOfSpeech: PartOfSpeech
        /// How often the word is used in this sense (tag count): picks the part of speech when none is given.
        public var frequency: Int
        /// The sense's other words, most frequent in this sense first (`purchase` → `buy`).
        public var synonyms: [String]

        /// Creates a sense.
        public init(partOfSpeech: PartOfSpeech, frequency: Int, synonyms: [String]) {
            self.partOfSpeech = partOfSpeech
            self.frequency = frequency
            self.synonyms = synonyms
        }
    }

    /// The generated file under the lexicon root's spoken folder.
    public static let fileName = "generated/en-synonyms.txt"

    /// One row: part of speech, tag count and the synonyms still joined by `|` (split only when asked).
    private struct Row: Sendable {
        var partOfSpeech: PartOfSpeech
        var frequency: Int
        var synonyms: Substring
    }

    private let rows: [String: [Row]]

    /// A thesaurus of `senses` by lower-case word (tests, other sources).
    public init(senses: [String: [Sense]]) {
        rows = senses.mapValues { senses in
            senses.map { Row(partOfSpeech: $0.partOfSpeech, frequency: $0.frequency, synonyms: Substring($0.synonyms.joined(separator: "|"))) }
        }
    }

    /// Loads the generated WordNet file under `root`, once per process and file (every sign language with English
    /// words shares it).
    /// - Throws: ``LexiconError/missingData(path:hint:)`` when it was not generated; ``LexiconError/invalid(_:)`` for a bad line.
    public init(root: String) throws {
        self = try Self.cache.value(for: SpokenData.path(Self.fileName, root: root)) { try Thesaurus(reading: root) }
    }

    private init(reading root: String) throws {
        var rows: [String: [Row]] = [:]
        rows.reserveCapacity(80_000)
        var issues: [LexiconIssue] = []
        for (line, text) in try SpokenData.records(Self.fileName, root: root) {
            let fields = text.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
            guard fields.count == 4, let pos = Self.partOfSpeech(fields[1]), let frequency = Int(fields[2]) else {
                issues.append(LexiconIssue(file: SpokenData.path(Self.fileName, root: root), line: line, field: "syntax",
                                           message: "expected WORD<TAB>n|v|a|r<TAB>count<TAB>SYNONYM|…; run scripts/lexicon-data"))
                continue
            }
            rows[String(fields[0]), default: []].append(Row(partOfSpeech: pos, frequency: frequency, synonyms: fields[3]))
        }
        guard issues.isEmpty else { throw LexiconError.invalid(issues) }
        self.rows = rows
    }

    private static let cache = LoadCache<Thesaurus>()

    /// The first sense of `word` (lower case, a lemma) in `partOfSpeech`; without one, in the part of speech the
    /// word is most often used in. Nil for other parts of speech (names, numerals…) or unknown words.
    public func firstSense(of word: String, partOfSpeech: PartOfSpeech?) -> Sense? {
        guard let all = rows[word] else { return nil }
        // Without a part of speech: the most frequent, the first of equal counts (noun, verb, adjective, adverb).
        let row = partOfSpeech.map { pos in all.first { $0.partOfSpeech == pos } } ?? all.max { $0.frequency < $1.frequency }
        return row.map { Sense(partOfSpeech: $0.partOfSpeech, frequency: $0.frequency,
                               synonyms: $0.synonyms.split(separator: "|").map(String.init)) }
    }

    /// True when WordNet has `word` (lower case) as a lemma.
    public func contains(_ word: String) -> Bool { rows[word] != nil }

    private static func partOfSpeech(_ code: Substring) -> PartOfSpeech? {
        switch code {
        case "n": .noun
        case "v": .verb
        case "a": .adjective
        case "r": .adverb
        default: nil
        }
    }
}
