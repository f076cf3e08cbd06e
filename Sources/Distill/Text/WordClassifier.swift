import Foundation
import Lexicon

/// Assigns ``WordClass``es from real lexical data: jieba's dictionary tags for Chinese, WordNet's parts of speech
/// plus closed-class lists for English (`Lexicon/spoken/generated/zh-words.txt`, `generated/en-pos.txt`, both made
/// by `scripts/lexicon-data`, and the editable `Lexicon/spoken/<tag>-classes.txt`).
///
/// English open-class words often have several WordNet parts of speech (`open`, `rain`); the tagger picks by the
/// previous word (after a determiner or preposition a noun or adjective, after an auxiliary or `to` a verb) and
/// otherwise by WordNet's tagged-sense counts.
public struct WordClassifier: Sendable {
    /// Classes fixed by word (closed classes and corrections), lower case.
    let fixed: [String: WordClass]
    /// Chinese: jieba's class of each word. English: WordNet parts of speech per lemma with tagged-sense counts.
    let dictionary: [String: WordClass]
    let senses: [String: [WordClass: Int]]
    let exceptions: [String: [(WordClass, String)]]
    let frequencies: [String: Double]
    let language: DistillLanguage
    /// Chinese words jieba tags `vn` (verbal nouns: 宣判, 改造), which are verbs after an auxiliary.
    let verbalNouns: Set<String>

    /// Creates a classifier from loaded tables (tests build small ones).
    public init(language: DistillLanguage, fixed: [String: WordClass], dictionary: [String: WordClass] = [:],
                senses: [String: [WordClass: Int]] = [:], exceptions: [String: [(WordClass, String)]] = [:],
                frequencies: [String: Double] = [:], verbalNouns: Set<String> = []) {
        self.frequencies = frequencies
        self.verbalNouns = verbalNouns
        self.language = language
        self.fixed = fixed
        self.dictionary = dictionary
        self.senses = senses
        self.exceptions = exceptions
    }

    /// The classes of `texts` (the words of one clause in order, punctuation as nil), using the previous and next word.
    /// English words at the indices in `names` (capitalised names) are `name` unless listed otherwise (`Monday` is a
    /// time word): "Aston Villa beat Everton" reads `beat` after a name.
    public func classes(_ texts: [String?], names: Set<Int> = []) -> [WordClass?] {
        var result: [WordClass?] = []
        for (index, text) in texts.enumerated() {
            guard let text else { result.append(nil); continue }
            // "will not close": an adverb between an auxiliary and the word does not hide the auxiliary.
            var previous = index > 0 ? result[index - 1] : nil
            if previous == .adverb, index > 1, result[index - 2] == .auxiliary { previous = .auxiliary }
            let next = index + 1 < texts.count ? texts[index + 1] : nil
            if language == .english, text.lowercased() == "to" {
                result.append(infinitive(next, then: index + 2 < texts.count ? texts[index + 2] : nil) ? .particle : .preposition)
                continue
            }
            // 正式开业, 将宣判: an adverb modifies a verb or adjective, never a noun, so a word the list tags as a
            // noun right after one is the verb; so is a verbal noun (jieba's tag vn) after an auxiliary (会宣判).
            guard language == .english else {
                let wordClass = chinese(text)
                let isVerbal = wordClass == .noun && (previous == .adverb || previous == .auxiliary && verbalNouns.contains(text))
                result.append(isVerbal ? .verb : wordClass)
                continue
            }
            let wordClass = english(text, after: previous, before: next, then: index + 2 < texts.count ? texts[index + 2] : nil)
            result.append(names.contains(index) && [.noun, .verb, .adjective, .adverb].contains(wordClass) ? .name : wordClass)
        }
        if language == .english { markReducedRelatives(texts, &result) }
        return result
    }

    /// "a train bound for Leeds derailed", "figures released this morning show", "passengers travelling between
    /// Edinburgh and Glasgow will …": a participle right after a noun, followed by a preposition or a time, with a
    /// finite verb or auxiliary after a noun later in the clause and nothing between that opens another clause,
    /// describes the noun (a reduced relative clause); the later verb is the predicate.
    private func markReducedRelatives(_ texts: [String?], _ result: inout [WordClass?]) {
        for index in result.indices where result[index] == .verb && index > 0 && index + 1 < result.count {
            guard let text = texts[index]?.lowercased(), isParticiple(text),
                  let before = result[index - 1], [.noun, .name].contains(before), let after = result[index + 1],
                  after == .preposition || after == .time || after == .determiner && index + 2 < result.count && result[index + 2] == .time
            else { continue }
            for later in index + 2..<result.count {
                guard let laterClass = result[later] else { break }
                // "between Edinburgh and Glasgow": a conjunction between two nouns joins them, it opens no clause.
                let joinsNouns = laterClass == .conjunction && result[later - 1]?.isNominal == true
                    && later + 1 < result.count && result[later + 1]?.isNominal == true
                if [.conjunction, .subordinator, .particle].contains(laterClass) && !joinsNouns { break }
                if laterClass == .verb || laterClass == .auxiliary {
                    if let previous = result[later - 1], previous.isNominal, texts[later]?.lowercased().hasSuffix("ing") == false {
                        result[index] = .adjective
                    }
                    break
                }
            }
        }
    }

    /// A participle: an -ed or -ing form, or an irregular verb form WordNet lists (`bound`, `held`, `known`).
    private func isParticiple(_ word: String) -> Bool {
        word.hasSuffix("ed") || word.hasSuffix("ing") || isIrregularVerbForm(word)
    }

    /// True for an inflected verb form WordNet's exception lists give (`rose` → rise, `bound` → bind); lower case.
    private func isIrregularVerbForm(_ word: String) -> Bool {
        exceptions[word]?.contains(where: { $0.0 == .verb }) == true
    }

    /// The class of one Chinese word: the correction list, then jieba's tag, else noun.
    func chinese(_ word: String) -> WordClass {
        fixed[word] ?? dictionary[word] ?? .noun
    }

    /// The WordNet parts of speech `word` may be, with tagged-sense counts (via exception lists and morphy).
    public func wordNetClasses(_ word: String) -> [WordClass: Int] {
        let lower = word.lowercased()
        var found: [WordClass: Int] = [:]
        for (wordClass, count) in senses[lower] ?? [:] { found[wordClass] = count }
        for (wordClass, lemma) in exceptions[lower] ?? [] {
            found[wordClass] = max(found[wordClass] ?? 0, senses[lemma]?[wordClass] ?? 1)
        }
        for (wordClass, rules) in Self.morphy {
            for (suffix, ending) in rules where lower.hasSuffix(suffix) && lower.count > suffix.count + 1 {
                let lemma = String(lower.dropLast(suffix.count)) + ending
                if let count = senses[lemma]?[wordClass] { found[wordClass] = max(found[wordClass] ?? 0, count) }
            }
        }
        return found
    }

    /// How common `word` is: jieba's corpus frequency (Chinese), or wordfreq's occurrences per million words of the
    /// form as written (English, `generated/en-frequent.txt`: the 30,000 most frequent); nil when not listed.
    public func frequency(_ word: String) -> Double? {
        switch language {
        case .chinese: return frequencies[word]
        case .english: return frequencies[word.lowercased()]
        }
    }

    /// How much a content word tells, from its frequency (information content, -log p, scaled to about 0.6–1.4):
    /// `flooding` and `冰球` tell more than `possibility` and `方面`. Unlisted words (mostly names) count 1.3.
    public func informativeness(_ word: String) -> Double {
        guard let frequency = frequency(word) else { return 1.3 }
        switch language {
        case .chinese: return min(1.4, max(0.6, 1.55 - 0.15 * log10(frequency + 1)))
        case .english: return min(1.4, max(0.6, 1.4 - 0.2 * log10(frequency)))
        }
    }

    /// The lemma WordNet gives `word` as a verb (`won` → `win`, `closed` → `close`), or the word itself.
    public func verbLemma(_ word: String) -> String {
        let lower = word.lowercased()
        if senses[lower]?[.verb] != nil { return lower }
        if let lemma = exceptions[lower]?.first(where: { $0.0 == .verb })?.1 { return lemma }
        for (suffix, ending) in Self.morphy.first(where: { $0.0 == .verb })!.1 where lower.hasSuffix(suffix) {
            let lemma = String(lower.dropLast(suffix.count)) + ending
            if senses[lemma]?[.verb] != nil { return lemma }
        }
        return lower
    }

    /// WordNet's detachment rules (morphy(7WN)): an inflected form is tried as the stem plus ending, and only a stem
    /// WordNet lists under that part of speech counts. This finds lemmas; it never decides a class by ending alone.
    static let morphy: [(WordClass, [(String, String)])] = [
        (.noun, [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y")]),
        (.verb, [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")]),
        (.adjective, [("er", ""), ("est", ""), ("er", "e"), ("est", "e")]),
    ]

    private func english(_ word: String, after previous: WordClass?, before next: String?, then afterNext: String?) -> WordClass {
        let lower = word.lowercased()
        if let fixed = fixed[lower] { return fixed }
        let options = wordNetClasses(lower)
        guard !options.isEmpty else { return .noun }
        if options.count == 1 { return options.keys.first! }
        let nextOptions = next.map { fixed[$0.lowercased()] == nil ? wordNetClasses($0) : [:] } ?? [:]
        let nextIsNominal = next.map { fixed[$0.lowercased()] == nil } == true
            && (nextOptions[.noun] != nil || nextOptions.isEmpty)
        switch previous {
        case .determiner?, .preposition?, .adjective?, .number?:
            // Inside a noun phrase: an adjective (or a noun used as one) before a noun, else the head noun.
            if nextIsNominal, options[.adjective] != nil { return .adjective }
            return options[.noun] != nil ? .noun : options[.adjective] != nil ? .adjective : best(options)
        case .auxiliary?, .particle?, .pronoun?:
            if options[.verb] != nil { return .verb }
        case .verb?:
            // Right after a verb: its object or complement (`keep drains clear`), not a second verb.
            if options[.noun] != nil { return .noun }
            if options[.adjective] != nil { return .adjective }
        case .noun?, .name?:
            // After a noun, a verb reading wins only for a form that cannot be a noun (`officials announced`);
            // an uninflected word or a plural continues the noun phrase (`construction plan`, `emergency repairs`).
            if options[.verb] != nil, options[.noun] == nil { return .verb }
            // An irregular verb form WordNet lists (`rose` → rise, `won` → win, `left` → leave) is the verb.
            if isIrregularVerbForm(lower) { return .verb }
            if let adjective = options[.adjective], adjective > options[.noun] ?? 0 { return .adjective }
            // Before what can only start an object (a determiner, a pronoun, a name, a number: "Villa beat Everton",
            // "astronomers say a …") the word is the verb: nouns in a row do not run into a new noun phrase. Not
            // before a time ("the bus strike this week").
            if options[.verb] != nil, let next, startsObject(next, then: afterNext) { return .verb }
            if options[.noun] != nil { return .noun }
        case nil:
            // First in the clause, an -s form before a word that can only be a verb is a plural subject (`Coaches
            // praised …`, `Officials warned …`), not a verb; an imperative is a base form (`Avoid flooded roads`).
            if lower.hasSuffix("s"), options[.noun] != nil, nextOptions[.verb] != nil, nextOptions[.noun] == nil { return .noun }
        default:
            break
        }
        return best(options)
    }

    /// Whether `next` (then `afterNext`) can only open a noun phrase: a determiner or object pronoun not opening a
    /// time ("this week"), a capitalised name or a number.
    private func startsObject(_ next: String, then afterNext: String?) -> Bool {
        if let first = next.first, first.isUppercase || first.isNumber { return true }
        guard let nextClass = fixed[next.lowercased()], nextClass == .determiner || nextClass == .pronoun else { return false }
        return afterNext.map { fixed[$0.lowercased()] != .time } ?? true
    }

    /// True when `to` before `next` (then `after`) marks an infinitive (`to review the budget`, `to avoid`), false for
    /// the preposition (`open to traffic`): the next word must be a verb in WordNet, and either be followed by a
    /// determiner or pronoun or be more often a verb than a noun.
    private func infinitive(_ next: String?, then after: String?) -> Bool {
        guard let next, fixed[next.lowercased()] == nil else { return false }
        let options = wordNetClasses(next)
        guard let verb = options[.verb] else { return false }
        if let after, let afterClass = fixed[after.lowercased()], afterClass == .determiner || afterClass == .pronoun { return true }
        return verb >= (options[.noun] ?? 0)
    }

    private func best(_ options: [WordClass: Int]) -> WordClass {
        let order: [WordClass] = [.noun, .verb, .adjective, .adverb]
        return order.filter { options[$0] != nil }.max { options[$0]! < options[$1]! } ?? .noun
    }
}

extension WordClassifier {
    /// Loads the classifier for `language` from `root/spoken/`, once per process while its files are unchanged (every
    /// sign language with words of `language` needs it; the generated word lists are several MB).
    /// - Throws: ``DistillError/badData(path:line:reason:)`` naming the file and line of a malformed line,
    ///   or a missing file (the generated ones come from `scripts/lexicon-data`).
    public static func load(root: String, language: DistillLanguage) throws -> WordClassifier {
        let classes = "\(root)/spoken/\(language.spokenTag)-classes.txt"
        let generated = "\(root)/spoken/generated/" + (language == .chinese ? "zh-words.txt" : "en-pos.txt")
        let edited = (try? FileManager.default.attributesOfItem(atPath: classes))?[.modificationDate] as? Date
        return try cache.value(for: generated, key: "\(generated)|\(classes)|\(edited?.timeIntervalSince1970 ?? 0)") {
            try read(root: root, language: language)
        }
    }

    private static let cache = LoadCache<WordClassifier>()

    /// Reads the classifier's files.
    private static func read(root: String, language: DistillLanguage) throws -> WordClassifier {
        let path = "\(root)/spoken/\(language.spokenTag)-classes.txt"
        var fixed: [String: WordClass] = [:]
        var tagClasses: [String: WordClass] = [:]
        for (number, line) in try SpokenRules.records(path) {
            guard let colon = line.firstIndex(of: ":") else {
                throw DistillError.badData(path: path, line: number, reason: "expected 'CLASS: words' or 'jieba CLASS: tags'")
            }
            var head = line[..<colon].trimmed
            let isTagMap = head.hasPrefix("jieba ")
            if isTagMap { head = String(head.dropFirst(6)).trimmed }
            guard let wordClass = WordClass(rawValue: head) else {
                throw DistillError.badData(path: path, line: number, reason: "'\(head)' is not a word class ("
                    + WordClass.allCases.map(\.rawValue).joined(separator: " ") + ")")
            }
            let items = line[line.index(after: colon)...].split(whereSeparator: \.isWhitespace).map(String.init)
            guard !items.isEmpty else { throw DistillError.badData(path: path, line: number, reason: "no words after ':'") }
            for item in items {
                let key = language == .english ? item.lowercased() : item
                if isTagMap { tagClasses[key] = tagClasses[key] ?? wordClass } else { fixed[key] = fixed[key] ?? wordClass }
            }
        }
        switch language {
        case .chinese:
            var dictionary: [String: WordClass] = [:], frequencies: [String: Double] = [:], verbalNouns: Set<String> = []
            dictionary.reserveCapacity(140_000)
            frequencies.reserveCapacity(140_000)
            let words = "\(root)/spoken/generated/zh-words.txt"
            // Tags looked up as the substrings the lines hold: no string made per line for its tag.
            let tags = Dictionary(uniqueKeysWithValues: tagClasses.map { (Substring($0.key), $0.value) })
            for (number, line) in try SpokenRules.records(words, hint: "run scripts/lexicon-data (scripts/setup does)") {
                let fields = line.fields(separatedBy: 0x09)
                guard fields.count >= 3 else {
                    throw DistillError.badData(path: words, line: number,
                                               reason: "expected WORD<TAB>FREQ<TAB>POS (an old file: run scripts/lexicon-data)")
                }
                let word = String(fields[0])
                dictionary[word] = tags[fields[2]] ?? .other
                frequencies[word] = Double(fields[1]) ?? 1
                if fields[2] == "vn" { verbalNouns.insert(word) }
            }
            return WordClassifier(language: language, fixed: fixed, dictionary: dictionary, frequencies: frequencies,
                                  verbalNouns: verbalNouns)
        case .english:
            var senses: [String: [WordClass: Int]] = [:], exceptions: [String: [(WordClass, String)]] = [:]
            let wordNet = "\(root)/spoken/generated/en-pos.txt"
            let letters: [Character: WordClass] = ["n": .noun, "v": .verb, "a": .adjective, "r": .adverb]
            for (number, line) in try SpokenRules.records(wordNet, hint: "run scripts/lexicon-data (scripts/setup does)") {
                let fields = line.fields(separatedBy: 0x09)
                guard fields.count == 2 else { throw DistillError.badData(path: wordNet, line: number, reason: "expected WORD<TAB>pos:…") }
                let word = String(fields[0])
                for item in fields[1].fields(separatedBy: 0x20) {
                    let isException = item.hasPrefix("=")
                    let body = isException ? item.dropFirst() : item
                    guard let first = body.first, let wordClass = letters[first], body.dropFirst().first == ":" else {
                        throw DistillError.badData(path: wordNet, line: number, reason: "'\(item)' is not pos:value")
                    }
                    let value = String(body.dropFirst(2))
                    if isException {
                        exceptions[word, default: []].append((wordClass, value))
                    } else {
                        guard let count = Int(value) else {
                            throw DistillError.badData(path: wordNet, line: number, reason: "'\(item)': count is not a number")
                        }
                        senses[word, default: [:]][wordClass] = count
                    }
                }
            }
            // WordNet's tagged-sense counts are too sparse to say how common a word is ("again" has 2): a corpus does.
            var frequencies: [String: Double] = [:]
            frequencies.reserveCapacity(30_000)
            let frequent = "\(root)/spoken/generated/en-frequent.txt"
            for (number, line) in try SpokenRules.records(frequent, hint: "run scripts/lexicon-data (scripts/setup does)") {
                let fields = line.fields(separatedBy: 0x09)
                guard fields.count >= 2, let frequency = Double(fields[1]) else {
                    throw DistillError.badData(path: frequent, line: number, reason: "expected WORD<TAB>frequency per million")
                }
                frequencies[String(fields[0])] = frequency
            }
            return WordClassifier(language: language, fixed: fixed, senses: senses, exceptions: exceptions,
                                  frequencies: frequencies)
        }
    }
}
