/// What a passage's signing leaves out of its source: the content words and the numbers, in source order, so an
/// operator can see what the viewer missed.
public struct DroppedContent: Sendable, Codable, Equatable {
    /// Content words of the source that are not signed (numbers excluded).
    public var words: [String]
    /// Numbers of the source (with their units where the source writes them together) that are not signed.
    public var numbers: [String]

    /// Creates a record.
    public init(words: [String] = [], numbers: [String] = []) {
        self.words = words
        self.numbers = numbers
    }

    /// What `signed` leaves out of `source`. Chinese compares by substring (the signed text may segment
    /// differently) with numbers in Arabic digits on both sides (八十五 is kept as 85), English by lower-case word.
    public static func between(source: String, signed: String, analyzer: TextAnalyzer) -> DroppedContent {
        // A word as the analyser writes it (Chinese numbers in digits), lower case.
        func key(_ word: Word) -> String { analyzer.join([word]).lowercased() }
        let kept = analyzer.words(signed).filter(\.isContent).map(key)
        let keptSet = Set(kept)
        let keptText = kept.joined(separator: " ")
        var result = DroppedContent()
        var seen: Set<String> = []
        for word in analyzer.words(source) where word.isContent {
            let key = key(word)
            let present = analyzer.language == .chinese ? keptText.contains(key) : keptSet.contains(key)
            guard !present, seen.insert(key).inserted else { continue }
            if word.isNumeric { result.numbers.append(word.text) } else { result.words.append(word.text) }
        }
        return result
    }
}
