import Distill
/// What an `anchor` run did and how fast: written as JSON beside the video.
public struct AnchorReport: Sendable, Codable, Equatable {
    /// One stage's cost.
    public struct Stage: Sendable, Codable, Equatable {
        /// Stage name: transcribe, distill, gloss, animate, render.
        public var name: String
        /// Wall time in seconds.
        public var seconds: Double
        /// `seconds / mediaDuration`: below 1 is faster than real time.
        public var realTimeFactor: Double
    }

    /// The input as given.
    public var input: String?
    /// The video written.
    public var output: String
    /// Sign language signed.
    public var signLanguage: String
    /// Language of the speech or text (`zh`, `en`).
    public var speechLanguage: String
    /// How sure speech recognition was of `speechLanguage` (0–1); nil when it was given, forced or read from text.
    public var speechLanguageProbability: Double?
    /// Length of the speech (the input media, or the transcript's end), seconds.
    public var mediaDuration: Double
    /// Length of the video written, seconds.
    public var videoDuration: Double
    /// Where the transcript came from: `whisper`, a file, or `text`.
    public var transcriptSource: String
    /// Per-stage wall time and real-time factor, in order.
    public var stages: [Stage]
    /// All stages together.
    public var total: Stage
    /// Speech rate of the input in chars/min (Chinese) or words/min (English).
    public var unitsPerMinuteIn: Double
    /// Rate of what was signed, same unit.
    public var unitsPerMinuteOut: Double
    /// The unit of the two rates (`chars` or `words`).
    public var rateUnit: String
    /// Signs per minute of the distilled text (estimate).
    public var signsPerMinute: Double
    /// Largest and mean lag of the signing behind the speech at passage boundaries, seconds.
    public var maxLag: Double, meanLag: Double
    /// Share of source words per gloss category (lexicon, fingerspelled, number, dropped, unmatched), percent.
    public var coverage: [String: Double]
    /// Glosses signed.
    public var glossCount: Int
    /// Per passage: the source, what is signed, and the content words and numbers dropped (what the viewer missed).
    public var passages: [PassageAudit]
}
