/// What a word does in its sentence, as ``SentenceAnalyzer`` reads it; the tiers of
/// `Lexicon/spoken/<tag>-structure.txt` decide which roles a passage keeps first.
public enum WordRole: String, Sendable, Codable, CaseIterable {
    /// The head noun of the subject (who).
    case subjectHead = "subject-head"
    /// The main verb (did what), or the predicate adjective of a clause without a verb.
    case predicate
    /// A negation of a kept verb; grouped with it.
    case negation
    /// The head noun of the main verb's object (to what).
    case objectHead = "object-head"
    /// A number with its unit, measure word or score joiner (四比一, 2.5 %, 两个小时).
    case number
    /// A name of a person, place or organisation.
    case name
    /// A time expression (明天, on Tuesday, next spring).
    case time
    /// A place word that is not a name (当地, 全市).
    case place
    /// A further verb of the sentence (serial verbs, a second predicate).
    case verb
    /// A further noun after a verb.
    case object
    /// The head of a secondary clause (a relative or adverbial clause).
    case secondaryHead = "secondary-head"
    /// A non-head noun of the subject.
    case subject
    /// An attributive modifier, an adverb, an adjective before its noun.
    case modifier
    /// A word of an adjunct phrase (在首场比赛中, for emergency repairs).
    case adjunct
    /// The speaker of a reporting frame (组委会 in 组委会说, the mayor in "the mayor said").
    case speaker
    /// A reporting verb or frame word (说, according to).
    case frame
    /// A topic frame (体育方面).
    case topic
    /// A function word, a filler, a repetition.
    case function
}
