import Foundation

/// Removes what a signer would not sign from one clause: fillers and discourse markers, redundant modifiers,
/// immediate repetitions; and applies the language's simplifications. Numbers, names and negations are never
/// changed: when a rule would touch one, the clause keeps its original words.
public struct ClauseCleaner: Sendable {
    /// The analyser (and its rules) used.
    public let analyzer: TextAnalyzer

    /// Creates a cleaner.
    public init(analyzer: TextAnalyzer) {
        self.analyzer = analyzer
    }

    /// The cleaned words of `clause`.
    public func clean(_ clause: String) -> [Word] {
        let original = analyzer.words(clause)
        var text = clause
        for (from, to) in analyzer.rules.simplifications { text = replace(from, with: to, in: text) }
        for filler in analyzer.rules.fillers { text = replace(filler, with: "", in: text) }
        text = withoutStartMarkers(text)
        var words: [Word] = []
        for word in analyzer.words(text) {
            if !word.isProtected && analyzer.rules.modifiers.contains(word.text.lowercased()) { continue }
            if word.kind != .punctuation, let last = words.last, last.text.lowercased() == word.text.lowercased() { continue }
            if word.kind == .punctuation, words.isEmpty || words.last?.kind == .punctuation, word.text != "“" { continue }
            words.append(word)
        }
        return Self.protectedTerms(words) == Self.protectedTerms(original) ? words : original
    }

    /// The numbers, names and negations of `words`, in order, lower case.
    public static func protectedTerms(_ words: [Word]) -> [String] {
        words.filter(\.isProtected).map { $0.text.lowercased() }
    }

    private func withoutStartMarkers(_ text: String) -> String {
        var rest = Substring(text)
        var changed = true
        while changed {
            changed = false
            rest = rest.drop { $0.isWhitespace || "，,、".contains($0) }
            for marker in analyzer.rules.clauseStartMarkers where rest.lowercased().hasPrefix(marker) {
                let after = rest.dropFirst(marker.count)
                if analyzer.language == .english, let next = after.first, next.isLetter { continue }
                rest = after
                changed = true
                break
            }
        }
        return String(rest)
    }

    /// Replaces `phrase` (whole words for English, case ignored) by `replacement`.
    private func replace(_ phrase: String, with replacement: String, in text: String) -> String {
        guard analyzer.language == .english else { return text.replacingOccurrences(of: phrase, with: replacement) }
        let pattern = "\\b" + NSRegularExpression.escapedPattern(for: phrase) + "\\b"
        return text.replacingOccurrences(of: pattern, with: replacement, options: [.regularExpression, .caseInsensitive])
    }
}
