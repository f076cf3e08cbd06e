/// How to transcribe: decoding strategy, fallback thresholds, prompts.
///
/// Defaults are faster-whisper's `WhisperModel.transcribe` defaults (openai `transcribe.py` thresholds, beam 5).
public struct TranscriptionOptions: Sendable, Equatable {
    /// Language code to force (`en`, `zh`, …); nil detects it from the first window (multilingual models).
    public var language: String?
    /// Beam width at temperature 0; 1 is greedy decoding.
    public var beamSize = 5
    /// Beam search stops after `round(beamSize × patience)` finished hypotheses.
    public var patience = 1.0
    /// nil ranks hypotheses by sum log-prob / length; a value α uses `((5 + length) / 6)^α` (Google NMT).
    public var lengthPenalty: Double?
    /// Candidates sampled at each temperature above 0.
    public var bestOf = 5
    /// Temperatures tried in order until a result passes the thresholds.
    public var temperatures: [Double] = [0, 0.2, 0.4, 0.6, 0.8, 1.0]
    /// Fall back when the text's zlib compression ratio is above this (repetition).
    public var compressionRatioThreshold: Double? = 2.4
    /// Fall back when the average log-probability is below this.
    public var logProbThreshold: Double? = -1.0
    /// A window whose no-speech probability is above this (and whose log-prob is low) is silence.
    public var noSpeechThreshold: Double? = 0.6
    /// Give the previous window's text as the prompt.
    public var conditionOnPreviousText = true
    /// Drop the previous text from the prompt after a window decoded above this temperature.
    public var promptResetOnTemperature = 0.5
    /// Text given before the first window: names and terms of the broadcast.
    public var initialPrompt: String?
    /// The initial prompt per language (forced or detected) when ``initialPrompt`` is nil. Whisper writes Chinese
    /// in Traditional characters without punctuation unless prompted with Simplified text that has punctuation.
    public var languagePrompts: [String: String] = ["zh": "以下是普通话的新闻。"]
    /// Convert transcripts of Chinese speech to Simplified characters (``SimplifiedChinese``).
    public var simplifyChinese = true
    /// Decode without timestamp tokens (one segment per window).
    public var withoutTimestamps = false
    /// Latest allowed first timestamp, in seconds.
    public var maxInitialTimestamp = 1.0
    /// Mask blank and end-of-text at the first sampled position.
    public var suppressBlank = true
    /// Seed of the sampler used at temperatures above 0.
    public var seed: UInt64 = 0

    /// The defaults.
    public init() {}

    /// Checks the values that would otherwise fail deep inside decoding.
    /// - Throws: ``WhisperError/invalidOption(_:)``.
    public func validate() throws {
        guard (1...16).contains(beamSize) else { throw WhisperError.invalidOption("beam size must be 1 to 16, not \(beamSize)") }
        guard (1...16).contains(bestOf) else { throw WhisperError.invalidOption("best-of must be 1 to 16, not \(bestOf)") }
        guard patience > 0 else { throw WhisperError.invalidOption("patience must be positive") }
        guard !temperatures.isEmpty, temperatures.allSatisfy({ $0 >= 0 }) else {
            throw WhisperError.invalidOption("temperatures must be a non-empty list of values ≥ 0")
        }
    }
}
