/// One sentence of a ``GlossSequence``: glosses in sign-language order, non-manual tiers over them,
/// and the source words that produced no sign.
public struct GlossSentence: Sendable, Codable, Equatable {
    /// The source text of the sentence.
    public var text: String
    /// Start of the sentence on the input's clock in seconds; nil for untimed input.
    public var start: Double?
    /// End of the sentence in seconds; nil for untimed input.
    public var end: Double?
    /// The glosses in signing order.
    public var glosses: [Gloss]
    /// Non-manual markers as spans over ``glosses`` indices.
    public var nonManual: [NonManualSpan]
    /// Source words that produced no gloss: dropped function words and words nothing could sign.
    public var skipped: [SkippedWord]

    /// Creates a sentence.
    public init(text: String, start: Double? = nil, end: Double? = nil, glosses: [Gloss],
                nonManual: [NonManualSpan] = [], skipped: [SkippedWord] = []) {
        self.text = text
        self.start = start
        self.end = end
        self.glosses = glosses
        self.nonManual = nonManual
        self.skipped = skipped
    }
}

/// A non-manual marker held over a run of glosses.
public struct NonManualSpan: Sendable, Codable, Equatable {
    /// The grammatical function of the marker.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// A yes/no question: brows raised (head forward).
        case yesNoQuestion
        /// A WH question: brows furrowed.
        case whQuestion
        /// Negation: head shake.
        case negation
        /// A topic (fronted time, place or topic phrase): brows raised and a hold at its end.
        case topic

        /// The face and head features the marker is made of, as Motion's controls name them.
        public var features: [String] {
            switch self {
            case .yesNoQuestion: ["brows-raised", "head-forward"]
            case .whQuestion: ["brows-furrowed"]
            case .negation: ["head-shake"]
            case .topic: ["brows-raised", "hold"]
            }
        }
    }

    /// What the marker means.
    public var kind: Kind
    /// Index of the first gloss it covers.
    public var first: Int
    /// Index of the last gloss it covers (inclusive).
    public var last: Int

    /// Creates a span; `last` is never before `first`.
    public init(kind: Kind, first: Int, last: Int) {
        self.kind = kind
        self.first = first
        self.last = max(first, last)
    }
}

/// A source word that produced no gloss.
public struct SkippedWord: Sendable, Codable, Equatable {
    /// Why it produced no gloss.
    public enum Reason: String, Sendable, Codable, CaseIterable {
        /// A function word the grammar drops (article, particle, copula, do-support…).
        case dropped
        /// No sign, no known parts and nothing to fingerspell (an emoji, a letter the alphabet lacks).
        case unmatched
    }

    /// The word as written.
    public var text: String
    /// Why it was skipped.
    public var reason: Reason
    /// Its start in seconds; nil for untimed input.
    public var start: Double?
    /// Its end in seconds; nil for untimed input.
    public var end: Double?

    /// Creates a skipped word.
    public init(text: String, reason: Reason, start: Double? = nil, end: Double? = nil) {
        self.text = text
        self.reason = reason
        self.start = start
        self.end = end
    }
}
