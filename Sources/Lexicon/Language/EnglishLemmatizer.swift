import Foundation

/// Reduces English words to the form the lexicon lists: an irregular-form table, then suffix rules
/// tried in order until one gives a word the lexicon knows.
///
/// Both tables are data (`Lexicon/spoken/en-irregular.txt`, `Lexicon/spoken/en-suffixes.txt`): a form the
/// rules get wrong is fixed by adding a line, not code.
public struct EnglishLemmatizer: Sendable {
    /// One suffix rule: a word ending in `suffix` may come from the stem plus `replacement`.
    public struct SuffixRule: Sendable, Equatable {
        /// The ending to remove, e.g. `ies`.
        public var suffix: String
        /// What to put back, e.g. `y`; may be empty.
        public var replacement: String

        /// Creates a rule.
        public init(_ suffix: String, _ replacement: String) {
            self.suffix = suffix
            self.replacement = replacement
        }
    }

    private let irregular: [String: String]
    private let rules: [SuffixRule]
    private let isKnown: @Sendable (String) -> Bool

    /// Creates a lemmatizer; `known` holds the lower-case words a lemma must be one of.
    public init(irregular: [String: String], rules: [SuffixRule], known: Set<String>) {
        self.init(irregular: irregular, rules: rules, isKnown: { known.contains($0) })
    }

    /// Creates a lemmatizer whose lemmas are the lower-case words `isKnown` accepts.
    public init(irregular: [String: String], rules: [SuffixRule], isKnown: @escaping @Sendable (String) -> Bool) {
        self.irregular = irregular
        self.rules = rules
        self.isKnown = isKnown
    }

    /// Loads the tables under `root` and takes the known words from `lexicon`'s `en` senses.
    /// - Throws: ``LexiconError`` when a table is missing or has a malformed line.
    public init(lexicon: Lexicon, root: String) throws {
        var issues: [LexiconIssue] = []
        var irregular: [String: String] = [:]
        for (line, text) in try SpokenData.records("en-irregular.txt", root: root) {
            let words = text.split(whereSeparator: \.isWhitespace).map { $0.lowercased() }
            guard words.count >= 2 else {
                issues.append(LexiconIssue(file: SpokenData.path("en-irregular.txt", root: root), line: line,
                                           field: "syntax", message: "expected LEMMA FORM [FORM…]"))
                continue
            }
            for form in words.dropFirst() { irregular[form] = words[0] }
        }
        var rules: [SuffixRule] = []
        for (line, text) in try SpokenData.records("en-suffixes.txt", root: root) {
            let parts = text.split(separator: "->", omittingEmptySubsequences: false).map { trimmed($0) }
            guard parts.count == 2, !parts[0].isEmpty else {
                issues.append(LexiconIssue(file: SpokenData.path("en-suffixes.txt", root: root), line: line,
                                           field: "syntax", message: "expected SUFFIX -> REPLACEMENT"))
                continue
            }
            rules.append(SuffixRule(String(parts[0]), String(parts[1])))
        }
        guard issues.isEmpty else { throw LexiconError.invalid(issues) }
        self.init(irregular: irregular, rules: rules, known: lexicon.words(language: "en"))
    }

    /// The same tables with other known words (a lemma must be one `isKnown` accepts), e.g. WordNet's lemmas.
    public func knowing(_ isKnown: @escaping @Sendable (String) -> Bool) -> EnglishLemmatizer {
        EnglishLemmatizer(irregular: irregular, rules: rules, isKnown: isKnown)
    }

    /// The form `word` comes from by the irregular table or the first suffix rule that gives a word `isBase` accepts,
    /// even when `word` is a word of its own (`played` → `play`); nil when none does. For word lists, where nearly
    /// every form is also listed.
    /// `suffixes` limits the rules to those suffixes (e.g. inflections only).
    public func baseForm(_ word: String, suffixes: Set<String>? = nil, isBase: (_ base: String, _ suffix: String) -> Bool) -> String? {
        let lower = word.lowercased()
        if let lemma = irregular[lower] { return lemma == lower ? nil : lemma }
        for rule in rules where lower.hasSuffix(rule.suffix) && lower.count > rule.suffix.count + 1
            && suffixes?.contains(rule.suffix) != false {
            let stem = String(lower.dropLast(rule.suffix.count))
            if isBase(stem + rule.replacement, rule.suffix) { return stem + rule.replacement }
            if rule.replacement.isEmpty, let last = stem.last, stem.dropLast().last == last, !"aeiousl".contains(last),
               isBase(String(stem.dropLast()), rule.suffix) {
                return String(stem.dropLast())
            }
        }
        return nil
    }

    /// The lemma of `word`: the word itself when known, else the irregular table, else the first suffix
    /// rule (also undoing a doubled final consonant, `running` → `run`) that gives a known word, else the
    /// lower-case word unchanged.
    public func lemma(_ word: String) -> String {
        var lower = word.lowercased().replacingOccurrences(of: "’", with: "'")
        if lower.hasSuffix("'s") { lower.removeLast(2) } else if lower.hasSuffix("'") { lower.removeLast() }
        if isKnown(lower) { return lower }
        if let lemma = irregular[lower] { return lemma }
        for rule in rules where lower.hasSuffix(rule.suffix) && lower.count > rule.suffix.count + 1 {
            let stem = String(lower.dropLast(rule.suffix.count))
            let candidate = stem + rule.replacement
            if isKnown(candidate) { return candidate }
            if rule.replacement.isEmpty, let last = stem.last, stem.dropLast().last == last, !"aeiousl".contains(last),
               isKnown(String(stem.dropLast())) {
                return String(stem.dropLast())
            }
        }
        return lower
    }

    /// The words of English text: letters with inner apostrophes and hyphens, numbers kept whole.
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            let inner = (character == "'" || character == "’" || character == "-" || character == ".")
                && !current.isEmpty && index + 1 < characters.count
                && (characters[index + 1].isLetter || characters[index + 1].isNumber)
                && (character != "." || current.last!.isNumber)
            if character.isLetter || character.isNumber || inner {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
