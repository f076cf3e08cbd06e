import AnchorCore

/// One passage of the source (a transcript segment) and what the avatar signs for it.
public struct DistilledPassage: Sendable, Codable, Equatable {
    /// The source segment: its speech window, s, and its text.
    public var source: TimedText
    /// The condensed text to sign; empty when the passage is skipped to keep the lag bound.
    public var text: String
    /// The condensed text's signing time.
    public var estimate: SigningEstimate
    /// When the avatar signs it on the broadcast clock, s: starts at the speech or when the previous passage ends.
    public var signing: TimedText
    /// How far the signing ends after the speech window ends, s (0 when it ends in time).
    public var lag: Double
    /// Rate units of the source and of the condensed text (characters for Chinese, words for English).
    public var sourceUnits: Int
    /// Rate units of the condensed text.
    public var units: Int
    /// The distiller that produced the text (`rules`, `glm`, or a fallback note).
    public var backend: String

    /// Creates a passage.
    public init(source: TimedText, text: String, estimate: SigningEstimate, signing: TimedText, lag: Double,
                sourceUnits: Int, units: Int, backend: String) {
        self.source = source
        self.text = text
        self.estimate = estimate
        self.signing = signing
        self.lag = lag
        self.sourceUnits = sourceUnits
        self.units = units
        self.backend = backend
    }
}

/// The output of distillation: timed condensed passages whose signing keeps within the lag bound, and a report.
///
/// JSON shape: docs/distill.md.
public struct DistilledScript: Sendable, Codable, Equatable {
    /// The spoken language (`zh`, `en`).
    public var language: String
    /// Duration of the source, s.
    public var duration: Double
    /// Passages in time order.
    public var passages: [DistilledPassage]
    /// What the distillation achieved.
    public var report: DistillReport

    /// Creates a script.
    public init(language: String, duration: Double, passages: [DistilledPassage], report: DistillReport) {
        self.language = language
        self.duration = duration
        self.passages = passages
        self.report = report
    }

    /// The condensed text as timed segments on the signing schedule (what the Gloss stage reads).
    public var signingSegments: [TimedText] {
        passages.filter { !$0.text.isEmpty }.map { TimedText(start: $0.signing.start, end: $0.signing.end, text: $0.text) }
    }
}
