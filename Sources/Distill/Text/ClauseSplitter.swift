import Foundation

/// Splits a passage into clauses at clause and sentence punctuation, after removing parentheticals.
public enum ClauseSplitter {
    /// One clause with its closing mark.
    public struct Clause: Sendable, Equatable {
        /// The clause text including its closing punctuation.
        public var text: String
        /// True when the clause starts a sentence.
        public var startsSentence: Bool
    }

    /// The clauses of `text`; parentheses (`（…）`, `(…)`, `【…】`) and dash asides (`——…——`) are removed first.
    public static func clauses(_ text: String) -> [Clause] {
        let plain = withoutParentheticals(text)
        var clauses: [Clause] = []
        var current = ""
        var startsSentence = true
        let characters = Array(plain)
        for (index, character) in characters.enumerated() {
            current.append(character)
            let next = index + 1 < characters.count ? characters[index + 1] : " "
            let sentenceEnd = endsSentence(character, next: next)
            let clauseEnd = "，；：,;:".contains(character) && !(character == "," && next.isNumber)
            if sentenceEnd || clauseEnd || character == "\n" {
                append(&clauses, current, startsSentence)
                current = ""
                startsSentence = sentenceEnd || character == "\n"
            }
        }
        append(&clauses, current, startsSentence)
        return clauses
    }

    /// A sentence mark: 。！？!?… always, a full stop before a space, a quote or the end (not inside 2.5 or U.S.A).
    static func endsSentence(_ character: Character, next: Character) -> Bool {
        "。！？!?…".contains(character) || (character == "." && (next.isWhitespace || next == "\"" || next == "”"))
    }

    private static func append(_ clauses: inout [Clause], _ text: String, _ startsSentence: Bool) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.contains(where: { $0.isLetter || $0.isNumber }) {
            clauses.append(Clause(text: trimmed, startsSentence: startsSentence))
        }
    }

    /// `text` without bracketed asides and `——…——` insertions (an unclosed bracket keeps its text).
    static func withoutParentheticals(_ text: String) -> String {
        var result = text
        for (open, close) in [("（", "）"), ("(", ")"), ("【", "】"), ("——", "——")] {
            while let start = result.range(of: open),
                  let end = result.range(of: close, range: start.upperBound..<result.endIndex) {
                result.removeSubrange(start.lowerBound..<end.upperBound)
            }
        }
        return result
    }
}
