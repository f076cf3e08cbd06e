/// The word classes a grammar file lists, one `[section]` each; what the rules do with them is in
/// docs/gloss-format.md. An empty class switches its rule off, so a language enables only what it has.
public enum WordClass: String, Sendable, CaseIterable, Codable {
    /// Function words always dropped (articles, particles, most prepositions).
    case drop
    /// Measure words, dropped after a number or demonstrative (个 只 条).
    case measure
    /// Words after which a measure word is dropped besides numbers (这 那 每).
    case demonstrative
    /// The empty present copula: dropped, or moved to the clause end (see `copula` setting).
    case copula
    /// Words before a copula that make it existential and kept (`there`).
    case existential
    /// Auxiliary `do`: dropped in questions and before a negator, kept when emphatic.
    case doSupport = "do-support"
    /// Words that make `copula + word + marker` a passive, whose auxiliary is kept (`by`).
    case passiveMarker = "passive-marker"
    /// Other auxiliaries and modals: they end a fronted WH phrase and invert with the subject in questions.
    case auxiliary
    /// Negators: head shake; moved after the predicate or left before the verb (see `negation`).
    case negator
    /// Question words: moved to the clause end, brows furrowed.
    case wh
    /// Words that make a sentence a question even without `?` (吗).
    case questionParticle = "question-particle"
    /// Time words fronted as a topic (今天, yesterday, Tuesday).
    case time
    /// Words that form a time phrase with a following time word or unit (next, last, 下).
    case timeModifier = "time-modifier"
    /// Units that make a number a time expression (年 月 日 点).
    case timeUnit = "time-unit"
    /// Units after which a four-digit number is a year (年).
    case yearWord = "year-word"
    /// Prepositions introducing a place (在 于): the place is fronted, the preposition dropped.
    case placeMarker = "place-marker"
    /// Verbs of motion whose destination is fronted (去 来 到).
    case motionVerb = "motion-verb"
    /// Lexicon categories whose entries are places.
    case placeCategory = "place-category"
    /// Verbs taking a clause or event object (think, know, remember): nothing after them is moved out.
    case clauseVerb = "clause-verb"
    /// Words after which the next word is read as a noun for variant choice (the, my).
    case nounCue = "noun-cue"
    /// Words after which the next word is read as a verb for variant choice (to, can, I).
    case verbCue = "verb-cue"
    /// Punctuation that ends a sentence: a long pause.
    case sentenceEnd = "sentence-end"
    /// Punctuation that ends a clause inside a sentence: a short pause, reordering stays inside it.
    case clauseBreak = "clause-break"
    /// Punctuation that ends a question.
    case questionMark = "question-mark"
}
