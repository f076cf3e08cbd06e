import Lexicon

/// The default ``SigningTimeEstimator``: signs each content word with its lexicon signs, fingerspells the rest,
/// adds the move into the first sign, transitions between manual units and pauses at punctuation; function words
/// cost nothing.
public struct LexiconTimeEstimator: SigningTimeEstimator {
    /// The analyser that splits and classifies words.
    public let analyzer: TextAnalyzer
    /// The durations used.
    public let durations: SignDurations

    /// Creates an estimator over `analyzer`'s lexicon.
    public init(analyzer: TextAnalyzer, durations: SignDurations = SignDurations()) {
        self.analyzer = analyzer
        self.durations = durations
    }

    /// The signing time of `text`; never throws.
    public func signingTime(of text: String) -> SigningEstimate {
        estimate(analyzer.words(text))
    }

    /// The signing time of already analysed words.
    public func estimate(_ words: [Word]) -> SigningEstimate {
        var result = SigningEstimate()
        var manualUnits = 0
        var pendingPause = 0.0
        for word in words {
            let follows = manualUnits > 0
            switch word.kind {
            case .function:
                continue
            case .punctuation:
                if manualUnits > 0 { pendingPause = max(pendingPause, pause(after: word.text)) }
                continue
            case .sign:
                for sign in word.signs { result.seconds += durations.duration(of: sign) }
                result.signs += word.signs.count
                manualUnits += word.signs.count
                result.seconds += durations.transition * Double(max(0, word.signs.count - 1))
            case .number:
                // A number's signs are run through (Motion's number items): held signs briefly, the last longer.
                let signs = word.signs.isEmpty ? [nil] : word.signs.map(Optional.some)
                for sign in signs {
                    result.seconds += sign.map(durations.numberDuration(of:)) ?? durations.numberSign
                }
                result.seconds += durations.numberTransition * Double(signs.count - 1) + durations.lastLetterHold
                result.signs += signs.count
                manualUnits += signs.count
            case .unknown:
                guard !word.spelled.isEmpty else { continue }
                for unit in word.spelled {
                    result.seconds += analyzer.lexicon.fingerspelling(unit)?.timing.duration ?? durations.letter
                }
                result.seconds += durations.lastLetterHold
                result.fingerspelledLetters += word.spelled.count
                manualUnits += 1
            }
            if follows {
                if pendingPause > 0 {
                    result.seconds += pendingPause
                    result.pauses += 1
                } else {
                    result.seconds += durations.transition
                }
            }
            pendingPause = 0
        }
        if pendingPause > 0 {
            result.seconds += pendingPause
            result.pauses += 1
        }
        // The move into the first sign, as the animation times a passage (from the first approach).
        if manualUnits > 0 { result.seconds += durations.transition }
        return result
    }

    private func pause(after mark: String) -> Double {
        "。！？.!?…".contains(mark) ? durations.sentencePause
            : "，、；：,;:—-".contains(mark) ? durations.clausePause : 0
    }
}
