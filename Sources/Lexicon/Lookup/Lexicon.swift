/// One sign language's dictionary, loaded and indexed for fast lookup by word, gloss, id and spelt unit.
///
/// A value type: build it with ``LexiconLoader`` (from a folder) or ``init(info:entries:origins:)``
/// (from entries in memory, e.g. a test or the SiGML importer); both reject duplicate ids.
public struct Lexicon: Sendable {
    /// What the folder's `language.txt` declares.
    public let info: SignLanguageInfo
    /// All entries in file order.
    public let entries: [LexiconEntry]
    /// Where each entry was read from, parallel to ``entries``.
    public let origins: [EntryOrigin]

    private let byID: [String: Int]
    private let byWord: [String: [WordHit]]
    private let byGloss: [String: [Int]]
    private let bySpelledUnit: [String: Int]

    /// A word's entry and the sense it belongs to.
    struct WordHit: Sendable {
        var entry: Int
        var sense: Int
    }

    /// Indexes `entries`; `origins` must be empty or parallel to `entries`.
    /// - Throws: ``LexiconError/invalid(_:)`` for duplicate ids or fingerspelling units, naming both places.
    public init(info: SignLanguageInfo, entries: [LexiconEntry], origins: [EntryOrigin] = []) throws {
        let origins = origins.isEmpty ? entries.map { _ in EntryOrigin(file: info.code, line: 0) } : origins
        precondition(origins.count == entries.count, "origins must be parallel to entries")
        var issues: [LexiconIssue] = []
        var byID: [String: Int] = [:]
        var byWord: [String: [WordHit]] = [:]
        var byGloss: [String: [Int]] = [:]
        var bySpelledUnit: [String: Int] = [:]
        byID.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            if let first = byID[entry.id] {
                issues.append(origins[index].issue("id", "duplicate id '\(entry.id)' (first at \(origins[first]))"))
                continue
            }
            byID[entry.id] = index
            byGloss[Self.key(entry.gloss), default: []].append(index)
            if let unit = entry.spells {
                if let first = bySpelledUnit[unit] {
                    issues.append(origins[index].issue("spells", "unit '\(unit)' is also spelt by \(entries[first].id)"))
                }
                bySpelledUnit[unit] = index
            }
            for (senseIndex, sense) in entry.words.enumerated() {
                for word in sense.words {
                    byWord[Self.key(word), default: []].append(WordHit(entry: index, sense: senseIndex))
                }
            }
        }
        guard issues.isEmpty else { throw LexiconError.invalid(issues) }
        let entries = try CompoundExpansion.expand(entries, origins: origins, byID: byID, signLanguage: info.code)
        byWord = byWord.mapValues { hits in
            hits.count < 2 ? hits
                : hits.sorted { entries[$0.entry].words[$0.sense].priority < entries[$1.entry].words[$1.sense].priority }
        }
        self.info = info
        self.entries = entries
        self.origins = origins
        self.byID = byID
        self.byWord = byWord
        self.byGloss = byGloss
        self.bySpelledUnit = bySpelledUnit
    }

    /// The lookup key of a word or gloss: trimmed, lower case, single spaces.
    public static func key(_ text: some StringProtocol) -> String {
        if text.utf8.allSatisfy({ $0 > 0x7F || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D }) { return String(text) }
        // ASCII without doubled, leading or trailing spaces (most English words and phrases): lower-case the bytes.
        let bytes = Array(text.utf8)
        if bytes.allSatisfy({ $0 < 0x80 && !(0x09...0x0D).contains($0) }), bytes.first != 0x20, bytes.last != 0x20,
           !zip(bytes, bytes.dropFirst()).contains(where: { $0 == 0x20 && $1 == 0x20 }) {
            return String(decoding: bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
        }
        return text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The entry with this id, or nil.
    public func entry(id: String) -> LexiconEntry? {
        byID[id].map { entries[$0] }
    }

    /// Where the entry with this id was read from.
    public func origin(id: String) -> EntryOrigin? {
        byID[id].map { origins[$0] }
    }

    /// The fingerspelling unit entry for `unit` (`A`, `ZH`, `7`…), or nil.
    public func fingerspelling(_ unit: String) -> LexiconEntry? {
        bySpelledUnit[unit].map { entries[$0] }
    }

    /// Every word of `language` that some entry maps, for segmentation and coverage.
    public func words(language: String) -> Set<String> {
        var result: Set<String> = []
        for entry in entries {
            for sense in entry.words where sense.language == language { result.formUnion(sense.words.map(Self.key)) }
        }
        return result
    }

    /// The signs for a word or gloss, variants in priority order.
    ///
    /// Word matches come first, ordered by part of speech (senses with `partOfSpeech` first when given),
    /// then priority, then file order; exact gloss or id matches follow when no word matched.
    /// - Parameters:
    ///   - text: a spoken-language word or multiword expression, a gloss or an entry id.
    ///   - language: only senses of this spoken language (e.g. `en`); nil for any.
    ///   - partOfSpeech: prefer senses with this part of speech.
    public func lookup(_ text: String, language: String? = nil, partOfSpeech: PartOfSpeech? = nil) -> [LexiconMatch] {
        let key = Self.key(text)
        var matches: [LexiconMatch] = []
        if let hits = byWord[key] {
            for hit in hits {
                let sense = entries[hit.entry].words[hit.sense]
                if let language, sense.language != language { continue }
                if matches.contains(where: { $0.entry.id == entries[hit.entry].id }) { continue }
                matches.append(LexiconMatch(entry: entries[hit.entry], sense: sense, kind: .word))
            }
            if let partOfSpeech {
                let preferred = matches.filter { $0.sense?.partOfSpeech == partOfSpeech }
                matches = preferred + matches.filter { $0.sense?.partOfSpeech != partOfSpeech }
            }
        }
        if matches.isEmpty {
            matches = (byGloss[key] ?? []).map { LexiconMatch(entry: entries[$0], sense: nil, kind: .gloss) }
            if matches.isEmpty, let index = byID[text] {
                matches = [LexiconMatch(entry: entries[index], sense: nil, kind: .id)]
            }
        }
        return matches
    }
}

/// One result of ``Lexicon/lookup(_:language:partOfSpeech:)``.
public struct LexiconMatch: Sendable, Equatable {
    /// How the text matched.
    public enum Kind: String, Sendable, Codable {
        case word, gloss, id
    }

    /// The sign.
    public var entry: LexiconEntry
    /// The word sense that matched, nil for a gloss or id match.
    public var sense: WordSense?
    /// Whether a word, the gloss or the id matched.
    public var kind: Kind
}

/// Where an entry was read from.
public struct EntryOrigin: Sendable, Codable, Equatable, CustomStringConvertible {
    /// The file's path.
    public var file: String
    /// The 1-based line the entry starts on.
    public var line: Int
    /// The line of the entry's `compound:` field, when it has one (messages about its parts name it).
    public var compoundLine: Int?

    /// Creates an origin.
    public init(file: String, line: Int, compoundLine: Int? = nil) {
        self.file = file
        self.line = line
        self.compoundLine = compoundLine
    }

    /// `file:line`.
    public var description: String { "\(file):\(line)" }

    func issue(_ field: String, _ message: String) -> LexiconIssue {
        LexiconIssue(file: file, line: line, field: field, message: message)
    }
}
