import AnchorCore

/// What distillation reads, as the command line and the HTTP service receive it: text, or timed segments.
public struct DistillInput: Sendable {
    /// The whole text (for plain text, what is distilled).
    public var text: String
    /// Timed segments, nil for plain text.
    public var segments: [TimedText]?
    /// The language tag the input declares (a transcript's), if any.
    public var declaredLanguage: String?

    /// Text or segments to distil.
    public init(text: String, segments: [TimedText]? = nil, declaredLanguage: String? = nil) {
        self.text = text
        self.segments = segments
        self.declaredLanguage = declaredLanguage
    }

    /// The input as a transcript in its language: `language` if given, else the declared one, else detected.
    /// Plain text is timed at `speechRate` (chars or words per minute; default the language's typical rate).
    /// - Throws: ``DistillError/invalidInput(source:reason:)`` naming `source` when there is no text.
    public func transcript(language: DistillLanguage?, speechRate: Double?, source: String) throws -> (Transcript, DistillLanguage) {
        guard text.contains(where: { $0.isLetter || $0.isNumber }) else {
            throw DistillError.invalidInput(source: source, reason: "no text to distil")
        }
        guard let segments else {
            let chosen = language ?? DistillLanguage.detect(text)
            return (Transcript.timed(text: text, language: chosen, unitsPerMinute: speechRate), chosen)
        }
        let chosen = language ?? declaredLanguage.flatMap(DistillLanguage.init(tag:))
            ?? DistillLanguage.detect(segments.map(\.text).joined())
        return (Transcript(language: chosen.rawValue, duration: segments.map(\.end).max() ?? 0, segments: segments), chosen)
    }
}
