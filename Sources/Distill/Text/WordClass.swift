/// A word's part of speech as the distiller's sentence analysis uses it (mapped from jieba's tags for Chinese,
/// from WordNet and closed-class lists for English; see `Lexicon/spoken/<tag>-classes.txt`).
public enum WordClass: String, Sendable, Codable, CaseIterable {
    case noun, name, verb, adjective, adverb, number, measure, preposition, conjunction, particle, pronoun
    case time, place, localizer, auxiliary, determiner, subordinator, other

    /// True for the classes that head or fill a noun phrase.
    public var isNominal: Bool { self == .noun || self == .name || self == .pronoun || self == .place || self == .time }
}
