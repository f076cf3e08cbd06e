import Foundation

// port of DecodingTask (decoding.py) and decode_with_fallback (transcribe.py) of
// https://github.com/openai/whisper, with faster-whisper's choice among failed temperatures.

/// What decoding one 30 s window produced.
struct WindowResult {
    /// Sampled tokens without end-of-text, timestamps included.
    var tokens: [Int]
    var sumLogProb: Double
    /// sumLogProb / (tokens + 1), as openai counts the end-of-text.
    var avgLogProb: Double
    /// Probability of the no-speech token at the start-of-transcript position.
    var noSpeechProb: Double
    var temperature: Double
    var compressionRatio: Double
}

/// Decodes windows whose encoder output is already in the decoder: prompt, strategy, temperature fallback.
final class WindowDecoder {
    let model: WhisperModel
    let decoder: Decoder
    private var random: SplitMix64

    init(model: WhisperModel, options: TranscriptionOptions) {
        self.model = model
        decoder = Decoder(weights: model.weights, maxBatch: max(options.beamSize, options.bestOf))
        random = SplitMix64(seed: options.seed)
    }

    /// The prompt: `[<|startofprev|>, previous…]` if any, then SOT (+ language and task if multilingual),
    /// then `<|notimestamps|>` when timestamps are off.
    func prompt(previous: [Int], language: String?, withoutTimestamps: Bool) -> [Int] {
        let special = model.tokenizer.special
        var prompt: [Int] = []
        if !previous.isEmpty { prompt = [special.startOfPrevious] + previous.suffix(model.dims.nTextCtx / 2 - 1) }
        prompt.append(special.startOfTranscript)
        if model.dims.isMultilingual, let token = language.flatMap(special.languageToken) {
            prompt += [token, special.transcribe]
        }
        if withoutTimestamps { prompt.append(special.noTimestamps) }
        return prompt
    }

    /// Language probabilities from the logits after `<|startoftranscript|>` alone, best first.
    func detectLanguage() -> [(code: String, probability: Double)] {
        let special = model.tokenizer.special
        decoder.start(prompt: [special.startOfTranscript])
        decoder.computeLogits(rows: [0])
        let range = special.languageTokenRange
        return decoder.logits.withUnsafeBufferPointer { l in
            let normaliser = VectorMath.logSumExp(UnsafeBufferPointer(rebasing: l[range]))
            return range.map { (special.language(ofToken: $0) ?? "?", Double(exp(l[$0] - normaliser))) }
                .sorted { $0.probability > $1.probability }
        }
    }

    /// Decodes at each temperature until the result is neither repetitive nor improbable (or is silence).
    func decodeWithFallback(prompt: [Int], options: TranscriptionOptions) -> WindowResult {
        var attempts: [WindowResult] = []
        for temperature in options.temperatures {
            let result = decode(prompt: prompt, options: options, temperature: temperature)
            attempts.append(result)
            var needsFallback = false
            if let threshold = options.compressionRatioThreshold, result.compressionRatio > threshold { needsFallback = true }
            if let threshold = options.logProbThreshold, result.avgLogProb < threshold { needsFallback = true }
            if let threshold = options.noSpeechThreshold, result.noSpeechProb > threshold { needsFallback = false }
            if !needsFallback { return result }
        }
        // Every temperature failed: the most probable result that is not repetitive, else the most probable.
        let threshold = options.compressionRatioThreshold ?? .infinity
        let pool = attempts.filter { $0.compressionRatio <= threshold }
        return (pool.isEmpty ? attempts : pool).max { $0.avgLogProb < $1.avgLogProb }!
    }

    /// One decoding pass at one temperature: beam search at 0 (beam > 1), else greedy or best-of sampling.
    func decode(prompt: [Int], options: TranscriptionOptions, temperature: Double) -> WindowResult {
        let special = model.tokenizer.special
        decoder.start(prompt: prompt)
        // No-speech probability: softmax of the raw logits at the SOT position.
        let sotIndex = prompt.lastIndex(of: special.startOfTranscript) ?? 0
        decoder.computeLogits(rows: [sotIndex])
        let noSpeechProb = decoder.logits.withUnsafeBufferPointer { l in
            let row = UnsafeBufferPointer(rebasing: l[0..<model.dims.nVocab])
            return Double(exp(row[special.noSpeech] - VectorMath.logSumExp(row)))
        }
        decoder.computeLogits(rows: [prompt.count - 1])

        let filter = LogitFilter(
            special: special, suppress: model.suppressTokens,
            suppressAtBegin: options.suppressBlank ? model.suppressAtBegin : [],
            timestamps: !options.withoutTimestamps,
            maxInitialTimestampIndex: Int((options.maxInitialTimestamp / SpecialTokens.timePrecision).rounded()))
        let sampleLength = min(model.dims.nTextCtx / 2, model.dims.nTextCtx - prompt.count)
        let candidates = temperature == 0 && options.beamSize > 1
            ? BeamSearch.run(decoder, filter: filter, beamSize: options.beamSize, patience: options.patience,
                             sampleLength: sampleLength)
            : GreedySampler.run(decoder, filter: filter, temperature: temperature, count: options.bestOf,
                                sampleLength: sampleLength, random: &random)
        let best = Hypothesis.best(candidates, lengthPenalty: options.lengthPenalty)
        let text = model.tokenizer.decode(best.tokens)
        return WindowResult(tokens: best.tokens, sumLogProb: best.sumLogProb,
                            avgLogProb: best.sumLogProb / Double(best.tokens.count + 1), noSpeechProb: noSpeechProb,
                            temperature: temperature, compressionRatio: CompressionRatio.of(text))
    }
}
