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
    /// The source's content words and numbers that are not signed.
    public var dropped: DroppedContent

    /// Creates a passage.
    public init(source: TimedText, text: String, estimate: SigningEstimate, signing: TimedText, lag: Double,
                sourceUnits: Int, units: Int, backend: String, dropped: DroppedContent = DroppedContent()) {
        self.source = source
        self.text = text
        self.estimate = estimate
        self.signing = signing
        self.lag = lag
        self.sourceUnits = sourceUnits
        self.units = units
        self.backend = backend
        self.dropped = dropped
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

    /// Per passage: the source, what is signed and what was dropped, for the anchor's report.
    public var audit: [PassageAudit] {
        passages.map { PassageAudit(source: $0.source.text, signed: $0.text, start: $0.source.start, end: $0.source.end,
                                    dropped: $0.dropped) }
    }

    /// The condensed text as timed segments on the signing schedule (what the Gloss stage reads).
    public var signingSegments: [TimedText] {
        passages.filter { !$0.text.isEmpty }.map { TimedText(start: $0.signing.start, end: $0.signing.end, text: $0.text) }
    }
}

/// One passage as an operator audits it: what was said, what is signed, what the viewer misses.
public struct PassageAudit: Sendable, Codable, Equatable {
    /// The source text.
    public var source: String
    /// The signed (condensed) text; empty when the passage was skipped.
    public var signed: String
    /// The speech window, s.
    public var start: Double
    /// The speech window's end, s.
    public var end: Double
    /// Content words and numbers of the source that are not signed.
    public var dropped: DroppedContent

    /// Creates an audit line.
    public init(source: String, signed: String, start: Double, end: Double, dropped: DroppedContent) {
        self.source = source
        self.signed = signed
        self.start = start
        self.end = end
        self.dropped = dropped
    }
}
