// port of SuppressBlank, SuppressTokens and ApplyTimestampRules in
// https://github.com/openai/whisper/blob/main/whisper/decoding.py (whisper-notes.md §3).

/// Masks logits before each sampling step: suppressed tokens, blank at the start, and the timestamp grammar.
struct LogitFilter {
    let special: SpecialTokens
    let suppress: [Int]
    let suppressAtBegin: [Int]
    let timestamps: Bool
    /// Index of the last allowed first timestamp (1.0 s → 50).
    let maxInitialTimestampIndex: Int?

    /// Applies every rule to one hypothesis's logits.
    /// - Parameters:
    ///   - logits: (nVocab) raw logits, modified in place.
    ///   - sampled: tokens generated so far in this window (not the prompt).
    func apply(_ logits: UnsafeMutableBufferPointer<Float>, sampled: [Int]) {
        let vocab = logits.count, tsBegin = special.timestampBegin, eot = special.endOfText
        func mask(_ range: Range<Int>) {
            for i in range.clamped(to: 0..<vocab) { logits[i] = -.infinity }
        }
        if sampled.isEmpty { for id in suppressAtBegin where id < vocab { logits[id] = -.infinity } }
        for id in suppress where id < vocab { logits[id] = -.infinity }
        guard timestamps else { return }

        logits[special.noTimestamps] = -.infinity
        let lastWasTimestamp = sampled.last.map { $0 >= tsBegin } ?? false
        let penultimateWasTimestamp = sampled.count < 2 || sampled[sampled.count - 2] >= tsBegin
        if lastWasTimestamp {
            // Timestamps come in pairs: after [ts, ts] comes text, after [text, ts] a timestamp or the end.
            if penultimateWasTimestamp { mask(tsBegin..<vocab) } else { mask(0..<eot) }
        }
        if let lastTimestamp = sampled.last(where: { $0 >= tsBegin }) {
            // Timestamps never decrease, and a segment has nonzero length.
            let floor = lastWasTimestamp && !penultimateWasTimestamp ? lastTimestamp : lastTimestamp + 1
            mask(tsBegin..<floor)
        }
        if sampled.isEmpty {
            mask(0..<tsBegin)
            if let maxIndex = maxInitialTimestampIndex { mask((tsBegin + maxIndex + 1)..<vocab) }
        }
        // If the timestamps together are likelier than any single text token, force a timestamp.
        let timestampMass = VectorMath.logSumExp(UnsafeBufferPointer(rebasing: logits[tsBegin..<vocab]))
        var maxText = -Float.infinity
        for i in 0..<tsBegin { maxText = max(maxText, logits[i]) }
        if timestampMass > maxText { mask(0..<tsBegin) }
    }
}
