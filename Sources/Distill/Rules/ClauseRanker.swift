/// Scores a clause by how much a viewer would miss without it (higher is more important).
public struct ClauseRanker: Sendable {
    /// Points for a signed content word.
    public var signWord = 1.0
    /// Points for a content word that has to be spelt.
    public var spelledWord = 0.6
    /// Extra points for a name.
    public var name = 1.5
    /// Points for a number.
    public var number = 2.0
    /// Extra points for a negation (dropping it would invert the meaning of what is kept around it).
    public var negation = 1.5
    /// Extra points for the passage's first clause (the lede of a news item).
    public var lede = 2.0
    /// Extra points for a clause that starts a sentence.
    public var sentenceStart = 0.5

    /// The default weights above.
    public init() {}

    /// The score of `words`; `alreadySaid` holds the lower-case content words said before, which earn nothing again.
    public func score(_ words: [Word], position: Int, startsSentence: Bool, alreadySaid: Set<String>) -> Double {
        var score = 0.0
        var seen = alreadySaid
        for word in words where word.isContent || word.isNegation {
            let key = word.text.lowercased()
            guard seen.insert(key).inserted || word.isNegation else { continue }
            score += word.kind == .number ? number : word.kind == .unknown ? spelledWord : signWord
            if word.isName { score += name }
            if word.isNegation { score += negation }
        }
        guard score > 0 else { return 0 }
        return score + (position == 0 ? lede : 0) + (startsSentence ? sentenceStart : 0)
    }
}
