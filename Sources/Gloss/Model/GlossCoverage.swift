import Foundation
import Lexicon

/// How each source word of a ``GlossSequence`` was signed, with counts and shares.
///
/// A word split into several signs (segmentation, characters, a synonym phrase) counts once. Every way a word is
/// signed before fingerspelling has its own category, in the order the out-of-vocabulary cascade tries them.
public struct GlossCoverage: Sendable, Codable, Equatable {
    /// How a source word was signed: one of Lexicon's ways of signing a word (``VocabularyCoverage/Kind``, shared
    /// with `lexicon coverage`), or what only running text has: numbers, dropped words, words nothing could sign.
    /// Written as the plain name (`lexicon`, `compound`, …, `number`, `dropped`, `unmatched`).
    public enum Category: Hashable, Sendable, Codable, CaseIterable, RawRepresentable {
        /// Signed by the lexicon or a fallback before fingerspelling, or fingerspelled.
        case signed(VocabularyCoverage.Kind)
        /// A number sign sequence.
        case number
        /// Dropped by the grammar.
        case dropped
        /// Nothing could sign it.
        case unmatched

        /// Every category, in the order the out-of-vocabulary cascade tries them, then the others.
        public static let allCases: [Category] = VocabularyCoverage.Kind.allCases.map(Category.signed) + [.number, .dropped, .unmatched]

        /// The category's name.
        public var rawValue: String {
            switch self {
            case let .signed(kind): kind.rawValue
            case .number: "number"
            case .dropped: "dropped"
            case .unmatched: "unmatched"
            }
        }

        /// The category named `rawValue`, or nil.
        public init?(rawValue: String) {
            guard let match = Self.allCases.first(where: { $0.rawValue == rawValue }) else { return nil }
            self = match
        }

        public init(from decoder: any Decoder) throws {
            let name = try decoder.singleValueContainer().decode(String.self)
            guard let category = Category(rawValue: name) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown category \(name)"))
            }
            self = category
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(rawValue)
        }
    }

    /// One source word and its category.
    public struct Mark: Sendable, Codable, Equatable {
        /// The word as written.
        public var word: String
        /// How it was signed.
        public var category: Category
    }

    /// Every source word in sentence order (signed words in signing order, then skipped ones).
    public var marks: [Mark]
    /// Words per category.
    public var counts: [String: Int]
    /// Share of the words per category, in percent.
    public var percentages: [String: Double]

    /// Measures `sequence`.
    public init(_ sequence: GlossSequence) {
        var marks: [Mark] = []
        for sentence in sequence.sentences {
            var previous: Gloss?
            for gloss in sentence.glosses where gloss.kind != .pause {
                defer { previous = gloss }
                if let previous, previous.source == gloss.source, previous.start == gloss.start,
                   [.decomposition, .synonym, .segmentation, .characters].contains(gloss.match) { continue }
                marks.append(Mark(word: gloss.source.joined(separator: " "), category: Self.category(gloss.match)))
            }
            marks += sentence.skipped.map { Mark(word: $0.text, category: $0.reason == .dropped ? .dropped : .unmatched) }
        }
        self.marks = marks
        var counts: [String: Int] = [:]
        for category in Category.allCases { counts[category.rawValue] = marks.filter { $0.category == category }.count }
        self.counts = counts
        percentages = counts.mapValues { marks.isEmpty ? 0 : Double($0) * 100 / Double(marks.count) }
    }

    private static func category(_ match: Gloss.Match) -> Category {
        switch match {
        case .lexicon, .synonym, .lemma, .decomposition: .signed(.lexicon)
        case .compound: .signed(.compound)
        case .thesaurus: .signed(.synonym)
        case .segmentation: .signed(.segmentation)
        case .characters: .signed(.characters)
        case .fingerspelled: .signed(.fingerspelled)
        case .number: .number
        case .punctuation: .dropped
        }
    }

    /// The text report: one summary line, then each word with its category.
    public var text: String {
        let summary = Category.allCases.map { category in
            String(format: "%@ %d (%.1f%%)", category.rawValue, counts[category.rawValue] ?? 0,
                   percentages[category.rawValue] ?? 0)
        }.joined(separator: ", ")
        let words = marks.map { "\($0.word)/\($0.category.rawValue)" }.joined(separator: " ")
        return "coverage: \(marks.count) words: \(summary)\n\(words)\n"
    }
}

/// A gloss sequence with its coverage report, as JSON writes it: `signanchor gloss --coverage --format json`
/// and `POST /gloss` with `"coverage": true`.
public struct CoveredGlossSequence: Sendable, Encodable {
    /// The glosses.
    public var sequence: GlossSequence
    /// How each source word was signed.
    public var coverage: GlossCoverage

    /// `sequence` with its coverage.
    public init(_ sequence: GlossSequence) {
        self.sequence = sequence
        coverage = GlossCoverage(sequence)
    }
}
