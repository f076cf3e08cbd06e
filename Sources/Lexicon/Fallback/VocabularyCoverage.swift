import Foundation

/// How a sign language signs the most frequent words of a spoken language: `signanchor lexicon coverage --top N`.
///
/// Each word of the ``FrequencyList``'s top N goes through ``SignFallback``; the report counts each way it was
/// signed and lists the fingerspelled words most frequent first, so authors know what to write next.
public struct VocabularyCoverage: Sendable, Codable {
    /// How a word is signed.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// Its own lexicon sign (or its lemma's).
        case lexicon
        /// Its own lexicon sign, a compound entry.
        case compound
        /// A first-sense synonym's sign.
        case synonym
        /// Signs of longer known words it splits into.
        case segmentation
        /// Signs of known words and single characters that carry their meaning.
        case characters
        /// No sign: fingerspelled.
        case fingerspelled

        /// The category of a cascade result; nil (nothing found) is fingerspelled.
        public init(_ signing: SignFallback.Signing?) {
            switch signing?.route {
            case .lexicon?, .lemma?: self = signing!.entries.first?.compound != nil ? .compound : .lexicon
            case .synonym?: self = .synonym
            case .segmentation?: self = .segmentation
            case .characters?: self = .characters
            case nil: self = .fingerspelled
            }
        }
    }

    /// One word of the list and how it is signed.
    public struct Mark: Sendable, Codable, Equatable {
        /// The word.
        public var word: String
        /// Its frequency in the list.
        public var frequency: Double
        /// How it is signed.
        public var kind: Kind
        /// The glosses of its signs, empty when fingerspelled.
        public var signs: [String]
    }

    /// The sign language's code.
    public var signLanguage: String
    /// The spoken language of the list.
    public var language: String
    /// Where the list comes from.
    public var source: String
    /// The words measured, most frequent first.
    public var marks: [Mark]
    /// Words per kind, every kind present.
    public var counts: [String: Int]
    /// Share of the words signed without fingerspelling, 0–1.
    public var signedShare: Double

    /// Measures the `top` most frequent words of `list` with `fallback`'s cascade.
    public init(list: FrequencyList, top: Int, fallback: SignFallback) {
        signLanguage = fallback.lexicon.info.code
        language = list.language
        source = list.source
        marks = list.words.prefix(top).map { item in
            let signing = fallback.signing(item.word)
            return Mark(word: item.word, frequency: item.frequency, kind: Kind(signing), signs: signing?.entries.map(\.gloss) ?? [])
        }
        var counts: [String: Int] = [:]
        for kind in Kind.allCases { counts[kind.rawValue] = 0 }
        for mark in marks { counts[mark.kind.rawValue, default: 0] += 1 }
        self.counts = counts
        signedShare = marks.isEmpty ? 1 : Double(marks.count - counts[Kind.fingerspelled.rawValue]!) / Double(marks.count)
    }

    /// The words that are fingerspelled, most frequent first.
    public var fingerspelled: [String] { marks.filter { $0.kind == .fingerspelled }.map(\.word) }

    /// The text report: the share signed, a line per kind, then the fingerspelled words most frequent first.
    public var text: String {
        var lines = [String(format: "%@: top %d %@ content words (%@): %d signed without fingerspelling (%.1f%%)",
                            signLanguage, marks.count, language, source, marks.count - fingerspelled.count, signedShare * 100)]
        for kind in Kind.allCases {
            let count = counts[kind.rawValue] ?? 0
            lines.append("  " + kind.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)
                         + String(format: "%5d  %5.1f%%", count, marks.isEmpty ? 0 : Double(count) * 100 / Double(marks.count)))
        }
        lines.append("fingerspelled, most frequent first:")
        let words = fingerspelled
        stride(from: 0, to: words.count, by: 20).forEach { start in
            lines.append("  " + words[start..<min(start + 20, words.count)].joined(separator: " "))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
