import AnchorCore

extension Transcript {
    /// A transcript for untimed text: one segment per sentence, timed as if spoken at `unitsPerMinute`
    /// (default: the language's typical broadcast rate).
    public static func timed(text: String, language: DistillLanguage, unitsPerMinute: Double? = nil) -> Transcript {
        let rate = unitsPerMinute ?? language.typicalSpeechRate
        var sentences: [String] = []
        for clause in ClauseSplitter.clauses(text) {
            if clause.startsSentence || sentences.isEmpty {
                sentences.append(clause.text)
            } else {
                sentences[sentences.count - 1] += (language == .chinese ? "" : " ") + clause.text
            }
        }
        var segments: [TimedText] = []
        var clock = 0.0
        for sentence in sentences {
            let seconds = Double(TextUnits.count(sentence, language: language)) / rate * 60
            segments.append(TimedText(start: clock, end: clock + seconds, text: sentence))
            clock += seconds
        }
        return Transcript(language: language.rawValue, duration: clock, segments: segments)
    }
}
