import Lexicon

/// The default ``SigningTimeEstimator``: signs each content word with its lexicon signs, fingerspells the rest,
/// adds transitions between manual units and pauses at punctuation; function words cost nothing.
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
            case .sign, .number:
                let signs = word.signs.isEmpty ? [nil] : word.signs.map(Optional.some)
                for sign in signs {
                    result.seconds += sign.map(durations.duration(of:)) ?? durations.numberSign
                    result.signs += 1
                }
                manualUnits += signs.count
                result.seconds += durations.transition * Double(signs.count - 1)
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
        return result
    }

    private func pause(after mark: String) -> Double {
        "。！？.!?…".contains(mark) ? durations.sentencePause
            : "，、；：,;:—-".contains(mark) ? durations.clausePause : 0
    }
}
