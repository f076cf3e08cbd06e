/// The human-editable word lists that drive the embedded distiller for one spoken language, read from
/// `Lexicon/spoken/<tag>-fillers.txt`, `-modifiers.txt`, `-simplifications.txt` and `-protected.txt`.
///
/// Every rule is data: a signer or editor fixes a wrong drop or adds a simplification by editing a line.
public struct SpokenRules: Sendable, Equatable {
    /// Fillers and discourse markers dropped wherever they stand (`嗯`, `you know`).
    public var fillers: [String]
    /// Discourse markers dropped only at the start of a clause (`那么`, `meanwhile`).
    public var clauseStartMarkers: [String]
    /// Redundant modifiers and hedges dropped when they stand alone as a word (`进一步`, `very`).
    public var modifiers: Set<String>
    /// Phrase → simpler phrase the lexicon can sign (`开门红` → `赢了`), longest phrase first.
    public var simplifications: [(from: String, to: String)]
    /// Words that make a clause negative (`不`, `没有`, `not`, `never`); never dropped.
    public var negations: Set<String>
    /// Prefixes that make a word negative (`不` in `不足`); Chinese only.
    public var negationPrefixes: [String]
    /// Number words (`hundred`, `百分之`) that mark a number in the text; never changed.
    public var numberWords: Set<String>

    /// Creates rules from lists.
    public init(fillers: [String] = [], clauseStartMarkers: [String] = [], modifiers: Set<String> = [],
                simplifications: [(from: String, to: String)] = [], negations: Set<String> = [],
                negationPrefixes: [String] = [], numberWords: Set<String> = []) {
        self.fillers = fillers.sorted { $0.count > $1.count }
        self.clauseStartMarkers = clauseStartMarkers.sorted { $0.count > $1.count }
        self.modifiers = modifiers
        self.simplifications = simplifications.sorted { $0.from.count > $1.from.count }
        self.negations = negations
        self.negationPrefixes = negationPrefixes
        self.numberWords = numberWords
    }

    public static func == (lhs: SpokenRules, rhs: SpokenRules) -> Bool {
        lhs.fillers == rhs.fillers && lhs.clauseStartMarkers == rhs.clauseStartMarkers && lhs.modifiers == rhs.modifiers
            && lhs.simplifications.elementsEqual(rhs.simplifications) { $0 == $1 }
            && lhs.negations == rhs.negations && lhs.negationPrefixes == rhs.negationPrefixes && lhs.numberWords == rhs.numberWords
    }
}
