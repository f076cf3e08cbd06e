import Foundation
import Lexicon

extension SpokenRules {
    /// Reads the four lists of `language` from `root/spoken/`.
    ///
    /// Formats (`#` starts a comment line): fillers, one phrase a line, `^` in front for clause start only;
    /// modifiers, words separated by spaces; simplifications, `FROM -> TO`; protected, `negation: …`, `negation-prefix: …`, `number: …` and `surname: …`.
    /// - Throws: ``DistillError/badData(path:line:reason:)`` for a missing file or a malformed line.
    public static func load(root: String, language: DistillLanguage) throws -> SpokenRules {
        let base = "\(root)/spoken/\(language.spokenTag)"
        var fillers: [String] = [], starts: [String] = []
        for (_, line) in try records("\(base)-fillers.txt") {
            if line.hasPrefix("^") { starts.append(String(line.dropFirst()).trimmed) } else { fillers.append(String(line)) }
        }
        let modifiers = Set(try records("\(base)-modifiers.txt").flatMap { $0.text.words })
        var simplifications: [(from: String, to: String)] = []
        for (number, line) in try records("\(base)-simplifications.txt") {
            let parts = line.components(separatedBy: "->").map(\.trimmed)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw DistillError.badData(path: "\(base)-simplifications.txt", line: number, reason: "expected FROM -> TO")
            }
            simplifications.append((parts[0], parts[1]))
        }
        var negations: Set<String> = [], prefixes: [String] = [], numbers: Set<String> = []
        for (number, line) in try records("\(base)-protected.txt") {
            if line.hasPrefix("negation-prefix:") { prefixes += line.dropFirst(16).words }
            else if line.hasPrefix("negation:") { negations.formUnion(line.dropFirst(9).words) }
            else if line.hasPrefix("number:") { numbers.formUnion(line.dropFirst(7).words) }
            else {
                throw DistillError.badData(path: "\(base)-protected.txt", line: number,
                                           reason: "expected 'negation: …', 'negation-prefix: …' or 'number: …'")
            }
        }
        return SpokenRules(fillers: fillers, clauseStartMarkers: starts, modifiers: modifiers,
                           simplifications: simplifications, negations: negations, negationPrefixes: prefixes, numberWords: numbers)
    }

    /// The non-empty, non-comment lines of a UTF-8 file with their 1-based numbers, trimmed; `hint` says where a
    /// missing file comes from.
    static func records(_ path: String, hint: String = "it ships in Lexicon/spoken/") throws -> [(line: Int, text: Substring)] {
        do {
            // Spaces around a rule line mean nothing (tabs inside a generated record separate its fields).
            return try SpokenData.records(atPath: path).compactMap { number, raw in
                let line = trimmed(raw)
                return line.isEmpty || line.utf8.first == UInt8(ascii: "#") ? nil : (number, line)
            }
        } catch {
            throw DistillError.badData(path: path, line: 0, reason: "missing or not UTF-8 (\(hint))")
        }
    }
}

extension StringProtocol {
    /// The text without surrounding white space.
    var trimmed: String { trimmingCharacters(in: .whitespaces) }
    /// Lower-case words separated by white space.
    var words: [String] { split(whereSeparator: \.isWhitespace).map { $0.lowercased() } }
}
