/// The embedded distiller (no network): cleans every clause, ranks clauses and keeps the best that fit the
/// budget, in their original order. When the full clauses do not fit, a telegraphic level (signed words,
/// numbers, names and negations only) is tried, and the level that keeps more score wins.
public struct RulesDistiller: PassageDistiller {
    /// Cleans clauses.
    public let cleaner: ClauseCleaner
    /// Scores clauses.
    public let ranker: ClauseRanker
    /// Measures signing time; the same estimator the scheduler checks with.
    public let estimator: any SigningTimeEstimator

    /// Creates the distiller.
    public init(analyzer: TextAnalyzer, estimator: any SigningTimeEstimator, ranker: ClauseRanker = ClauseRanker()) {
        cleaner = ClauseCleaner(analyzer: analyzer)
        self.ranker = ranker
        self.estimator = estimator
    }

    private var language: DistillLanguage { cleaner.analyzer.language }

    /// A candidate clause at one level.
    private struct Candidate {
        var position: Int
        var text: String
        var score: Double
        var estimate: SigningEstimate
        var units: Int
    }

    public func condense(_ text: String, budget: Budget, context: String) async -> Condensation {
        condenseNow(text, budget: budget, context: context)
    }

    /// The synchronous form of ``condense(_:budget:context:)``.
    public func condenseNow(_ text: String, budget: Budget, context: String = "") -> Condensation {
        let analyzer = cleaner.analyzer
        var said = Set(analyzer.words(context).filter(\.isContent).map { $0.text.lowercased() })
        var full: [Candidate] = [], short: [Candidate] = []
        for (position, clause) in ClauseSplitter.clauses(text).enumerated() {
            let words = cleaner.clean(clause.text)
            let before = said
            let score = ranker.score(words, position: position, startsSentence: clause.startsSentence, alreadySaid: before)
            guard score > 0 else { continue }
            said.formUnion(words.filter(\.isContent).map { $0.text.lowercased() })
            for (level, kept) in [(0, words), (1, cleaner.telegraphic(words))] {
                let text = analyzer.join(kept)
                let candidate = Candidate(
                    position: position, text: text,
                    score: ranker.score(kept, position: position, startsSentence: clause.startsSentence, alreadySaid: before),
                    estimate: (try? estimator.signingTime(of: text)) ?? SigningEstimate(),
                    units: TextUnits.count(text, language: language))
                if level == 0 { full.append(candidate) } else { short.append(candidate) }
            }
        }
        let choices = [select(full, budget: budget), select(short, budget: budget)]
        let best = choices[0].score >= choices[1].score ? choices[0] : choices[1]
        return best.condensation
    }

    /// The best-scoring clauses that fit, greedily by score, then trimmed until the joined text fits.
    private func select(_ candidates: [Candidate], budget: Budget) -> (score: Double, condensation: Condensation) {
        var kept: [Candidate] = []
        var seconds = 0.0, units = 0, signs = 0
        for candidate in candidates.sorted(by: { ($0.score, -$0.position) > ($1.score, -$1.position) }) {
            let total = SigningEstimate(seconds: seconds + candidate.estimate.seconds, signs: signs + candidate.estimate.signs)
            guard budget.admits(total, units: units + candidate.units) else { continue }
            kept.append(candidate)
            (seconds, units, signs) = (total.seconds, units + candidate.units, total.signs)
        }
        while true {
            let text = joined(kept.sorted { $0.position < $1.position }.map(\.text))
            let estimate = (try? estimator.signingTime(of: text)) ?? SigningEstimate()
            let count = TextUnits.count(text, language: language)
            if budget.admits(estimate, units: count) || kept.isEmpty {
                let result = Condensation(text: kept.isEmpty ? "" : text, estimate: kept.isEmpty ? SigningEstimate() : estimate,
                                          units: kept.isEmpty ? 0 : count, backend: "rules")
                return (kept.reduce(0) { $0 + $1.score }, result)
            }
            kept.remove(at: kept.indices.min { kept[$0].score < kept[$1].score }!)
        }
    }

    /// Kept clauses as one text, ending with a sentence mark.
    private func joined(_ clauses: [String]) -> String {
        var text = language == .chinese ? clauses.joined() : clauses.joined(separator: " ")
        while let last = text.last, "，、；：,;:".contains(last) { text.removeLast() }
        if let last = text.last, !"。！？.!?”\"".contains(last) { text += language == .chinese ? "。" : "." }
        return text
    }
}
