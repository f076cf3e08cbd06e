import AnchorCore

/// The input as one character array with a clock: timed segments are joined by spaces, and a
/// character's time is interpolated by its position inside its segment.
struct SourceText: Sendable {
    /// One input segment's place in ``characters`` and on the clock.
    private struct Cue: Sendable {
        var offset: Int
        var count: Int
        var start: Double
        var end: Double
    }

    /// The characters; control and format characters are replaced by spaces.
    let characters: [Character]
    private let cues: [Cue]

    /// Untimed text.
    init(text: String) {
        characters = Self.clean(text)
        cues = []
    }

    /// Timed segments in order; each segment's text spans its time evenly by character.
    init(segments: [TimedText]) {
        var characters: [Character] = []
        var cues: [Cue] = []
        for segment in segments {
            if !characters.isEmpty { characters.append(" ") }
            let text = Self.clean(segment.text)
            cues.append(Cue(offset: characters.count, count: text.count, start: segment.start, end: segment.end))
            characters += text
        }
        self.characters = characters
        self.cues = cues
    }

    /// The text of a character range.
    func text(_ range: Range<Int>) -> String {
        String(characters[range])
    }

    /// The time span of a character range, or nils for untimed text.
    func span(_ range: Range<Int>) -> (start: Double?, end: Double?) {
        guard !cues.isEmpty, !range.isEmpty else { return (nil, nil) }
        return (time(range.lowerBound, edge: range.lowerBound), time(range.upperBound - 1, edge: range.upperBound))
    }

    /// The time at character boundary `edge`, interpolated inside the cue holding character `inside`.
    private func time(_ inside: Int, edge: Int) -> Double {
        var low = 0, high = cues.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if cues[middle].offset <= inside { low = middle } else { high = middle - 1 }
        }
        let cue = cues[low]
        guard cue.count > 0 else { return cue.start }
        let fraction = Double(min(max(edge - cue.offset, 0), cue.count)) / Double(cue.count)
        return cue.start + fraction * (cue.end - cue.start)
    }

    /// The characters of `text` with control and format characters (C0, C1, zero-width, bidi marks) as spaces.
    private static func clean(_ text: String) -> [Character] {
        text.map { character in
            character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control
                || $0.properties.generalCategory == .format }) ? " " : character
        }
    }
}
