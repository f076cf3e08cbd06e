import Foundation

/// How each source word of a ``GlossSequence`` was signed, with counts and shares.
///
/// A word split into several signs (segmentation, characters, a synonym phrase) counts once. Every way a word is
/// signed before fingerspelling has its own category, in the order the out-of-vocabulary cascade tries them.
public struct GlossCoverage: Sendable, Codable, Equatable {
    /// How a source word was signed.
    public enum Category: String, Sendable, Codable, CaseIterable {
        /// A lexicon sign (directly, by the grammar's synonym table, lemma or a phrase word by word).
        case lexicon
        /// A compound entry's sign.
        case compound
        /// The sign of a first-sense synonym (WordNet, same part of speech).
        case synonym
        /// Signs of longer known words the word splits into.
        case segmentation
        /// Signs of known words and characters that carry their meaning inside words.
        case characters
        /// Fingerspelled.
        case fingerspelled
        /// A number sign sequence.
        case number
        /// Dropped by the grammar.
        case dropped
        /// Nothing could sign it.
        case unmatched
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
        case .lexicon, .synonym, .lemma, .decomposition: .lexicon
        case .compound: .compound
        case .thesaurus: .synonym
        case .segmentation: .segmentation
        case .characters: .characters
        case .fingerspelled: .fingerspelled
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
