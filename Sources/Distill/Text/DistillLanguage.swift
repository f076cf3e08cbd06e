/// The spoken languages Distill condenses, with the sign language each is signed in by default.
public enum DistillLanguage: String, Sendable, Codable, CaseIterable {
    /// Mandarin Chinese, simplified script; signed in CSL.
    case chinese = "zh"
    /// English; signed in ASL.
    case english = "en"

    /// The BCP 47 tag lexicon senses and spoken-data files use (`zh-Hans`, `en`).
    public var spokenTag: String { self == .chinese ? "zh-Hans" : "en" }

    /// The sign-language folder under the lexicon root that signs this language by default.
    public var defaultSignLanguage: String { self == .chinese ? "csl" : "asl" }

    /// What the rate's "characters" count: CJK characters for Chinese, words for English.
    public var unitName: String { self == .chinese ? "char" : "word" }

    /// Typical broadcast speech rate in units per minute (sign-facts.md §1: 290–300 chars/min, 150–180 words/min),
    /// used to time plain text that has no timestamps.
    public var typicalSpeechRate: Double { self == .chinese ? 290 : 165 }

    /// The language of a BCP 47 tag (`zh`, `zh-Hans`, `cmn`, `en-GB`…), or nil when not supported.
    public init?(tag: String) {
        let lower = tag.lowercased()
        if lower.hasPrefix("zh") || lower.hasPrefix("cmn") { self = .chinese }
        else if lower.hasPrefix("en") { self = .english }
        else { return nil }
    }

    /// The language most of `text`'s letters belong to: Chinese when CJK characters outnumber Latin words.
    public static func detect(_ text: String) -> DistillLanguage {
        var cjk = 0, latin = 0
        for scalar in text.unicodeScalars {
            if TextUnits.isCJK(scalar) { cjk += 1 } else if scalar.properties.isAlphabetic { latin += 1 }
        }
        return Double(cjk) >= Double(latin) / 5 && cjk > 0 ? .chinese : .english
    }
}
