// port of BeamSearchDecoder in https://github.com/openai/whisper/blob/main/whisper/decoding.py (one audio input).

/// Beam search: keep the `beamSize` best unfinished prefixes, collect finished ones until
/// `round(beamSize × patience)` of them exist, then rank by length-normalised log-probability.
enum BeamSearch {
    /// - Precondition: `decoder.logits` row 0 holds the logits after the prompt, with batch 1.
    /// - Returns: the finished (or, at the length limit, best unfinished) candidates.
    static func run(_ decoder: Decoder, filter: LogitFilter, beamSize: Int, patience: Double, sampleLength: Int) -> [Hypothesis] {
        let eot = filter.special.endOfText, vocab = decoder.logits.count / decoder.maxBatch
        let maxCandidates = max(1, Int((Double(beamSize) * patience).rounded()))
        var beams = [Hypothesis(tokens: [], sumLogProb: 0)]
        var finished: [Hypothesis] = []
        for step in 0..<sampleLength {
            var candidates: [(source: Int, token: Int, logProb: Double)] = []
            decoder.logits.withUnsafeMutableBufferPointer { l in
                for (b, beam) in beams.enumerated() {
                    let row = UnsafeMutableBufferPointer(rebasing: l[(b * vocab)..<((b + 1) * vocab)])
                    filter.apply(row, sampled: beam.tokens)
                    let logNormaliser = VectorMath.logSumExp(UnsafeBufferPointer(row))
                    for token in topK(row, beamSize + 1) {
                        candidates.append((b, token, beam.sumLogProb + Double(row[token] - logNormaliser)))
                    }
                }
            }
            candidates.sort { $0.logProb > $1.logProb }
            var next: [Hypothesis] = [], sources: [Int] = [], tokens: [Int] = []
            for candidate in candidates {
                if candidate.token == eot {
                    if finished.count < maxCandidates {
                        finished.append(Hypothesis(tokens: beams[candidate.source].tokens, sumLogProb: candidate.logProb))
                    }
                } else {
                    next.append(Hypothesis(tokens: beams[candidate.source].tokens + [candidate.token], sumLogProb: candidate.logProb))
                    sources.append(candidate.source)
                    tokens.append(candidate.token)
                    if next.count == beamSize { break }
                }
            }
            beams = next
            // A cancelled task stops decoding at once (its result is then discarded by the caller).
            if finished.count >= maxCandidates || next.isEmpty || step == sampleLength - 1 || decoder.isFull || Task.isCancelled { break }
            decoder.reorder(sources)
            decoder.step(tokens)
        }
        // At the length limit, unfinished beams count too (openai `finalize`).
        for beam in beams.sorted(by: { $0.sumLogProb > $1.sumLogProb }) where finished.count < beamSize {
            finished.append(beam)
        }
        return finished
    }

    /// Indices of the `k` largest finite values, largest first.
    static func topK(_ row: UnsafeMutableBufferPointer<Float>, _ k: Int) -> [Int] {
        var best: [(Float, Int)] = []
        best.reserveCapacity(k + 1)
        for i in 0..<row.count where row[i] > -.infinity && (best.count < k || row[i] > best[best.count - 1].0) {
            let position = best.firstIndex { $0.0 < row[i] } ?? best.count
            best.insert((row[i], i), at: position)
            if best.count > k { best.removeLast() }
        }
        return best.map(\.1)
    }
}
