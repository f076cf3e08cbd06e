/// A piece of text with its time span on the broadcast's clock, in seconds.
///
/// Subtitles, transcript segments and distilled passages all have this shape.
public struct TimedText: Sendable, Codable, Equatable, Hashable {
    /// Start time in seconds from the start of the input.
    public var start: Double
    /// End time in seconds from the start of the input; never before `start`.
    public var end: Double
    /// The text, trimmed; may contain line breaks.
    public var text: String

    /// Creates a timed text; `end` is clamped to be no earlier than `start`.
    public init(start: Double, end: Double, text: String) {
        self.start = start
        self.end = max(start, end)
        self.text = text
    }

    /// Duration in seconds.
    public var duration: Double { end - start }
}

/// A timed transcript of speech: the output of speech recognition and the input of distillation.
///
/// JSON shape (docs/formats.md): `{"language": "en", "languageProbability": 0.98, "duration": 58.7, "segments": [{"start": 0, "end": 2.5, "text": "…"}]}`.
public struct Transcript: Sendable, Codable, Equatable {
    /// BCP-47 language code of the speech, such as `en` or `zh`.
    public var language: String
    /// How sure speech recognition was of `language` (0–1) when it detected it; nil when it was given or forced.
    public var languageProbability: Double?
    /// Duration of the source in seconds.
    public var duration: Double
    /// Segments in time order.
    public var segments: [TimedText]

    /// Creates a transcript.
    public init(language: String, languageProbability: Double? = nil, duration: Double, segments: [TimedText]) {
        self.language = language
        self.languageProbability = languageProbability
        self.duration = duration
        self.segments = segments
    }
}
