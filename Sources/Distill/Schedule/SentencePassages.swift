import AnchorCore
import Foundation

/// Re-cuts timed text (recogniser windows, subtitle cues) into passages that end where sentences end.
///
/// Speech recognisers cut every few seconds and subtitles cut for line length, often mid-sentence ("… will open
/// to traffic early next" | "spring, several months ahead …"), or hold several sentences in one window. Distilling
/// such pieces keeps a sentence's subject in one passage and loses its object to the next, and ranks
/// sentences against half-sentences. Passages here are whole sentences; each character is timed by linear
/// interpolation within its segment, so a passage starts and ends about when its words were said.
///
/// A passage is also cut at a silence between segments (``gap``) and, without sentence marks, at a segment end
/// once it is ``longest`` seconds long, so unpunctuated speech does not become one long passage.
public struct SentencePassages: Sendable {
    /// A pause between segments at least this long ends a passage, s.
    public var gap = 1.5
    /// A passage without a sentence end is cut at the next segment end after this long, s.
    public var longest = 12.0

    /// The defaults.
    public init() {}

    /// `segments` (in time order) as sentence passages; the text is unchanged apart from the cuts.
    public func cut(_ segments: [TimedText], language: DistillLanguage) -> [TimedText] {
        var passages: [TimedText] = []
        var text = ""
        var start: Double?
        var end = 0.0
        func close() {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if let start, !trimmed.isEmpty { passages.append(TimedText(start: start, end: end, text: trimmed)) }
            text = ""
            start = nil
        }
        for (index, segment) in segments.enumerated() {
            if index > 0, segment.start - segments[index - 1].end >= gap || (start.map { end - $0 >= longest } ?? false) {
                close()
            } else if !text.isEmpty, language == .english, text.last?.isWhitespace == false {
                text.append(" ")
            }
            let characters = Array(segment.text)
            // Time per character: spaces and marks take as long as letters; a rough but monotone clock.
            let step = characters.isEmpty ? 0 : segment.duration / Double(characters.count)
            for (position, character) in characters.enumerated() {
                if start == nil {
                    guard !character.isWhitespace else { continue }
                    start = segment.start + step * Double(position)
                }
                text.append(character)
                end = segment.start + step * Double(position + 1)
                let next = position + 1 < characters.count ? characters[position + 1] : " "
                if ClauseSplitter.endsSentence(character, next: next) { close() }
            }
            end = max(end, segment.end)
        }
        close()
        return passages
    }
}
