import Foundation

/// Reads a grammar file: `[section]` headers, `key = value` lines under `[settings]`, `[synonyms]`,
/// `[currency]` and `[number-places]`, whitespace-separated words under a word-class section
/// (`_` joins the words of a multiword entry), `#` comments. Format: docs/gloss-format.md.
public enum GrammarParser {
    /// The grammar file of a sign-language folder, relative to it.
    public static let relativePath = "rules/gloss.txt"

    /// Loads the grammar file of the sign-language folder `folder`.
    /// - Throws: ``GlossError/cannotReadGrammar(path:reason:)`` or ``GlossError/invalidGrammar(path:line:reason:)``.
    public static func load(folder: String) throws -> GlossGrammar {
        let path = "\(folder)/\(relativePath)"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GlossError.cannotReadGrammar(path: path, reason: "no such file or not readable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw GlossError.cannotReadGrammar(path: path, reason: "not valid UTF-8")
        }
        return try parse(text, path: path)
    }

    /// Parses grammar text; `path` names it in errors.
    /// - Throws: ``GlossError/invalidGrammar(path:line:reason:)`` for the first bad line.
    public static func parse(_ text: String, path: String) throws -> GlossGrammar {
        var grammar = GlossGrammar(spokenLanguage: "")
        var section: String?
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.prefix { $0 != "#" }.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            func fail(_ reason: String) -> GlossError { .invalidGrammar(path: path, line: index + 1, reason: reason) }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else { throw fail("a section header ends with ]") }
                let name = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                guard mapSections.contains(name) || WordClass(rawValue: name) != nil else {
                    throw fail("unknown section [\(name)]")
                }
                section = name
                continue
            }
            guard let section else { throw fail("words before the first [section]") }
            if let wordClass = WordClass(rawValue: section) {
                let words = line.split(whereSeparator: \.isWhitespace)
                    .map { $0.replacingOccurrences(of: "_", with: " ").lowercased() }
                grammar.classes[wordClass, default: []].formUnion(words)
                continue
            }
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { throw fail("expected KEY = VALUE") }
            if let reason = apply(section: section, key: parts[0], value: parts[1], to: &grammar) { throw fail(reason) }
        }
        guard !grammar.spokenLanguage.isEmpty else {
            throw GlossError.invalidGrammar(path: path, line: 1, reason: "[settings] must set spoken-language")
        }
        grammar.numberPlaces.sort { $0.value > $1.value }
        return grammar
    }

    private static let mapSections: Set<String> = ["settings", "synonyms", "currency", "number-places"]

    /// Applies one `key = value` line; returns what is wrong with it, or nil.
    private static func apply(section: String, key: String, value: String, to grammar: inout GlossGrammar) -> String? {
        let words = value.split(whereSeparator: \.isWhitespace).map(String.init)
        switch section {
        case "synonyms":
            grammar.synonyms[key.replacingOccurrences(of: "_", with: " ").lowercased()] =
                words.map { $0.replacingOccurrences(of: "_", with: " ") }
        case "currency": grammar.currencies[key] = value
        case "number-places":
            guard let number = Int(value), number >= 10 else { return "a number place needs a value of 10 or more" }
            grammar.numberPlaces.append(.init(word: key, value: number))
        default: return applySetting(key: key, value: value, words: words, to: &grammar)
        }
        return nil
    }

    private static func applySetting(key: String, value: String, words: [String],
                                     to grammar: inout GlossGrammar) -> String? {
        func choice<T: RawRepresentable & CaseIterable>(_ type: T.Type) -> T? where T.RawValue == String {
            T(rawValue: value)
        }
        func allowed<T: RawRepresentable & CaseIterable>(_ type: T.Type) -> String where T.RawValue == String {
            "\(key) must be one of: " + T.allCases.map(\.rawValue).joined(separator: ", ")
        }
        switch key {
        case "spoken-language": grammar.spokenLanguage = value
        case "negation":
            guard let placement = choice(GlossGrammar.Placement.self) else { return allowed(GlossGrammar.Placement.self) }
            grammar.negation = placement
        case "copula":
            guard let placement = choice(GlossGrammar.Placement.self) else { return allowed(GlossGrammar.Placement.self) }
            grammar.copula = placement
        case "wh-extent":
            guard let extent = choice(GlossGrammar.WHExtent.self) else { return allowed(GlossGrammar.WHExtent.self) }
            grammar.whExtent = extent
        case "year":
            guard let style = choice(GlossGrammar.YearStyle.self) else { return allowed(GlossGrammar.YearStyle.self) }
            grammar.yearStyle = style
        case "wh-subject":
            guard ["stay", "move"].contains(value) else { return "wh-subject must be stay or move" }
            grammar.whSubjectStays = value == "stay"
        case "undo-inversion":
            guard ["yes", "no"].contains(value) else { return "undo-inversion must be yes or no" }
            grammar.undoInversion = value == "yes"
        case "front":
            guard words.allSatisfy({ ["time", "place", "none"].contains($0) }) else {
                return "front lists time and/or place (or none)"
            }
            grammar.frontTime = words.contains("time")
            grammar.frontPlaces = words.contains("place")
        case "decimal": grammar.decimalWord = value
        case "hour": grammar.hourWord = value
        case "minute": grammar.minuteWord = value
        case "score": grammar.scoreWord = value
        case "percent":
            guard words.count == 2, ["before", "after"].contains(words[1]) else {
                return "percent = WORD before|after"
            }
            grammar.percentWord = words[0]
            grammar.percentFirst = words[1] == "before"
        case "clause-pause", "sentence-pause":
            guard let seconds = Double(value), seconds >= 0, seconds < 10 else { return "\(key) is seconds, 0–10" }
            if key == "clause-pause" { grammar.clausePause = seconds } else { grammar.sentencePause = seconds }
        default: return "unknown setting '\(key)'"
        }
        return nil
    }
}
