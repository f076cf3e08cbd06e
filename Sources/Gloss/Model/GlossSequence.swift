/// The output of gloss translation: timed glosses per sentence for one sign language.
///
/// The input of Motion (`signanchor animate`) and of Distill's rate model. JSON: docs/gloss-format.md.
public struct GlossSequence: Sendable, Codable, Equatable {
    /// The sign language code (`csl`, `asl`).
    public var signLanguage: String
    /// The spoken language of the source text (`zh-Hans`, `en`).
    public var spokenLanguage: String
    /// The sentences in input order.
    public var sentences: [GlossSentence]

    /// Creates a sequence.
    public init(signLanguage: String, spokenLanguage: String, sentences: [GlossSentence]) {
        self.signLanguage = signLanguage
        self.spokenLanguage = spokenLanguage
        self.sentences = sentences
    }

    /// The text form: glosses separated by spaces, sentences by ` | `.
    public var text: String {
        sentences.map { sentence in sentence.glosses.map(\.label).joined(separator: " ") }
            .joined(separator: " | ")
    }

    /// All glosses of all sentences, in order.
    public var glosses: [Gloss] { sentences.flatMap(\.glosses) }
}
