import Foundation

/// Checks a model's condensed text against its source: right language, within budget, no number, name or
/// negation that the source does not have, and none of the numbers and names the rules distiller keeps dropped.
public struct AnswerValidator: Sendable {
    /// Analyses the answer's words.
    public let analyzer: TextAnalyzer
    /// Measures the answer's signing time.
    public let estimator: any SigningTimeEstimator

    /// Creates a validator.
    public init(analyzer: TextAnalyzer, estimator: any SigningTimeEstimator) {
        self.analyzer = analyzer
        self.estimator = estimator
    }

    /// The answer cleaned of quotes and code fences, with its estimate, when it passes. `required` holds the
    /// numbers and names the rules distiller keeps within the same budget; the answer must contain each.
    /// - Throws: ``DistillError/rejectedAnswer(reason:)`` naming the first broken rule.
    public func validate(_ answer: String, source: String, budget: Budget,
                         required: [Word] = []) throws -> (text: String, estimate: SigningEstimate) {
        let text = answer.replacingOccurrences(of: "```", with: "")
            .trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\"“”「」")))
        guard !text.isEmpty else { throw DistillError.rejectedAnswer(reason: "empty answer") }
        guard DistillLanguage.detect(text) == analyzer.language else {
            throw DistillError.rejectedAnswer(reason: "answer is not in \(analyzer.language.rawValue)")
        }
        // Numbers may be written either way (百分之五, 5%): each side is compared as written and as the analyser
        // writes it (Chinese numbers in digits).
        let lowerSource = source.lowercased()
        let writtenSource = analyzer.join(analyzer.words(source)).lowercased()
        let inSource = { (part: String) in lowerSource.contains(part) || writtenSource.contains(part) }
        for word in analyzer.words(text) where word.isProtected {
            guard inSource(word.text.lowercased()) || inSource(analyzer.join([word]).lowercased()) else {
                let what = word.kind == .number ? "number" : word.isName ? "name" : "negation"
                throw DistillError.rejectedAnswer(reason: "\(what) '\(word.text)' is not in the source")
            }
        }
        let numeral = { (c: Character) in c.isNumber || self.analyzer.rules.numberWords.contains(String(c)) }
        for run in text.split(whereSeparator: { !numeral($0) }) where !inSource(String(run).lowercased()) {
            throw DistillError.rejectedAnswer(reason: "number '\(run)' is not in the source")
        }
        let lowerText = text.lowercased()
        let writtenText = analyzer.join(analyzer.words(text)).lowercased()
        // A Chinese name may come back shortened (国家统计局 → 统计局): a word of two or more characters of the
        // answer that is part of the name keeps it. Numbers must come back, in words or digits.
        let answerWords = analyzer.words(text).filter { $0.isContent && $0.text.count >= 2 }.map { $0.text.lowercased() }
        for term in required {
            let lower = term.text.lowercased()
            let shortened = term.isName && analyzer.language == .chinese && answerWords.contains { lower.contains($0) }
            guard lowerText.contains(lower) || writtenText.contains(lower) || shortened else {
                throw DistillError.rejectedAnswer(reason: "'\(term.text)' is dropped, but the rules keep it")
            }
        }
        let estimate = try estimator.signingTime(of: text)
        let units = TextUnits.count(text, language: analyzer.language)
        guard budget.admits(estimate, units: units) else {
            throw DistillError.rejectedAnswer(reason: String(format: "over budget: %.1f s, %d units", estimate.seconds, units))
        }
        return (text, estimate)
    }
}
