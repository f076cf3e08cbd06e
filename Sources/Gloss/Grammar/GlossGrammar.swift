/// What varies between sign languages in text → gloss translation: word classes, ordering switches,
/// number formats and pauses. Read from `Lexicon/<code>/rules/gloss.txt` (docs/gloss-format.md).
public struct GlossGrammar: Sendable, Equatable {
    /// Where a moved word goes.
    public enum Placement: String, Sendable, Codable, CaseIterable {
        /// Left where the source has it.
        case inPlace = "in-place"
        /// Moved to the end of its clause (after the predicate).
        case clauseEnd = "clause-end"
        /// Dropped.
        case drop
    }

    /// How much of a WH question is moved to the clause end.
    public enum WHExtent: String, Sendable, Codable, CaseIterable {
        /// The question word alone (你 叫 名字 什么).
        case word
        /// The question word with the noun phrase it starts (`which book`, up to the auxiliary).
        case phrase
    }

    /// How four-digit years are signed.
    public enum YearStyle: String, Sendable, Codable, CaseIterable {
        /// Digit by digit (2 0 2 4).
        case digits
        /// Two pairs (20 24).
        case pairs
    }

    /// The BCP 47 tag of the spoken language whose text this grammar reads (`zh-Hans`, `en`).
    public var spokenLanguage: String
    /// The words of each class, lower case; multiword entries joined by single spaces.
    public var classes: [WordClass: Set<String>]
    /// Where negators go.
    public var negation: Placement = .inPlace
    /// What happens to an empty present copula.
    public var copula: Placement = .inPlace
    /// How much of a WH question moves.
    public var whExtent: WHExtent = .word
    /// True when a subject question word stays first (`Who called you`).
    public var whSubjectStays = false
    /// True when a question's auxiliary or modal goes back after the subject (`Can you` → `you CAN`).
    public var undoInversion = false
    /// True when places are fronted after time (`上海 我 去`).
    public var frontPlaces = false
    /// True when time words are fronted.
    public var frontTime = true
    /// How years are signed.
    public var yearStyle: YearStyle = .digits
    /// Number words with their values, largest first (`万 10000`, `hundred 100`); below the smallest, digits.
    public var numberPlaces: [NumberPlace] = []
    /// The word between the integer and the fraction (`点`, `point`).
    public var decimalWord: String?
    /// The percent word, and whether it comes before the number (`百分之 5`) or after (`5 percent`).
    public var percentWord: String?
    /// True when ``percentWord`` is signed before the number.
    public var percentFirst = false
    /// The word after the hour of a clock time (`点`); nil signs the bare number.
    public var hourWord: String?
    /// The word after the minutes of a clock time (`分`); nil signs the bare number.
    public var minuteWord: String?
    /// The word between the two numbers of a score (`比`, `to`).
    public var scoreWord: String?
    /// Currency symbols and the word signed after the amount (`$` → `dollar`, `¥` → `元`).
    public var currencies: [String: String] = [:]
    /// Words rewritten to other words before lookup (`开门红` → `赢`).
    public var synonyms: [String: [String]] = [:]
    /// Pause after a clause break, in seconds.
    public var clausePause = 0.25
    /// Pause after a sentence, in seconds.
    public var sentencePause = 0.5

    /// Creates a grammar with every class empty and every switch at its default.
    public init(spokenLanguage: String, classes: [WordClass: Set<String>] = [:]) {
        self.spokenLanguage = spokenLanguage
        self.classes = classes
    }

    /// The words of `wordClass` (empty when the file lists none).
    public func words(_ wordClass: WordClass) -> Set<String> {
        classes[wordClass] ?? []
    }

    /// A number word with its value (`万` = 10000).
    public struct NumberPlace: Sendable, Equatable {
        /// The word as the lexicon lists it.
        public var word: String
        /// Its value, a power of ten.
        public var value: Int

        /// Creates a number word.
        public init(word: String, value: Int) {
            self.word = word
            self.value = value
        }
    }

    /// True when `word` (any case) is in `wordClass`.
    public func contains(_ wordClass: WordClass, _ word: String) -> Bool {
        classes[wordClass]?.contains(word.lowercased()) ?? false
    }

    /// The longest multiword entry in any class or synonym, in words.
    var longestEntry: Int {
        let all = classes.values.flatMap { $0 } + Array(synonyms.keys)
        return all.map { $0.split(separator: " ").count }.max() ?? 1
    }
}
