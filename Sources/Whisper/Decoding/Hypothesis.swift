import Foundation

/// A decoded token sequence of one window with its score.
struct Hypothesis {
    /// Sampled tokens, without the final end-of-text.
    var tokens: [Int]
    /// Σ log p of the sampled tokens, end-of-text included.
    var sumLogProb: Double

    /// openai `MaximumLikelihoodRanker`: sum log-prob over length, or over `((5 + length) / 6)^α`.
    func score(lengthPenalty: Double?) -> Double {
        let length = Double(max(1, tokens.count))
        return sumLogProb / (lengthPenalty.map { pow((5 + length) / 6, $0) } ?? length)
    }

    /// The best of `candidates` by ``score(lengthPenalty:)``.
    static func best(_ candidates: [Hypothesis], lengthPenalty: Double?) -> Hypothesis {
        candidates.max { $0.score(lengthPenalty: lengthPenalty) < $1.score(lengthPenalty: lengthPenalty) }
            ?? Hypothesis(tokens: [], sumLogProb: -.infinity)
    }
}
