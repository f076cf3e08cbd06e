import Foundation

// port of GreedyDecoder in https://github.com/openai/whisper/blob/main/whisper/decoding.py:
// argmax at temperature 0, otherwise `best_of` independent samples from softmax(logits / T).

/// Greedy decoding (one hypothesis) and temperature sampling (several, decoded as one batch).
enum GreedySampler {
    /// Decodes until every hypothesis has emitted end-of-text or `sampleLength` tokens.
    /// - Precondition: `decoder.logits` row 0 holds the logits after the prompt, with batch 1.
    /// - Returns: all hypotheses (1 when `temperature` is 0).
    static func run(_ decoder: Decoder, filter: LogitFilter, temperature: Double, count: Int, sampleLength: Int,
                    random: inout SplitMix64) -> [Hypothesis] {
        let eot = filter.special.endOfText, vocab = decoder.logits.count / decoder.maxBatch
        let n = temperature > 0 ? count : 1
        if n > 1 {
            decoder.reorder(Array(repeating: 0, count: n))
            decoder.logits.withUnsafeMutableBufferPointer { l in
                for b in 1..<n { (l.baseAddress! + b * vocab).update(from: l.baseAddress!, count: vocab) }
            }
        }
        var hypotheses = Array(repeating: Hypothesis(tokens: [], sumLogProb: 0), count: n)
        var finished = Array(repeating: false, count: n)
        for _ in 0..<sampleLength {
            var next = Array(repeating: eot, count: n)
            decoder.logits.withUnsafeMutableBufferPointer { l in
                for b in 0..<n where !finished[b] {
                    let row = UnsafeMutableBufferPointer(rebasing: l[(b * vocab)..<((b + 1) * vocab)])
                    filter.apply(row, sampled: hypotheses[b].tokens)
                    let logNormaliser = VectorMath.logSumExp(UnsafeBufferPointer(row))
                    let token = temperature > 0 ? sample(row, temperature: temperature, random: &random) : argmax(row)
                    hypotheses[b].sumLogProb += Double(row[token] - logNormaliser)
                    next[b] = token
                    if token == eot { finished[b] = true } else { hypotheses[b].tokens.append(token) }
                }
            }
            // A cancelled task stops decoding at once (its result is then discarded by the caller).
            if finished.allSatisfy({ $0 }) || decoder.isFull || Task.isCancelled { break }
            decoder.step(next)
        }
        return hypotheses
    }

    static func argmax(_ row: UnsafeMutableBufferPointer<Float>) -> Int {
        var best = 0
        for i in 1..<row.count where row[i] > row[best] { best = i }
        return best
    }

    /// Draws from softmax(row / T).
    private static func sample(_ row: UnsafeMutableBufferPointer<Float>, temperature: Double, random: inout SplitMix64) -> Int {
        var maxValue = -Float.infinity
        for v in row { maxValue = max(maxValue, v) }
        var weights = [Double](repeating: 0, count: row.count), total = 0.0
        for i in 0..<row.count where row[i] > -.infinity {
            weights[i] = exp(Double(row[i] - maxValue) / temperature)
            total += weights[i]
        }
        var threshold = random.nextUnit() * total
        for i in 0..<row.count where weights[i] > 0 {
            threshold -= weights[i]
            if threshold <= 0 { return i }
        }
        return argmax(row)
    }
}

/// A small, seedable generator (SplitMix64), so sampled fallbacks are reproducible.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func nextUnit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
