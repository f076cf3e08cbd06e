/// One word, number or mark of the input, with its place in the ``SourceText``.
struct SourceToken: Sendable, Equatable {
    /// What kind of piece of text it is.
    enum Kind: Sendable, Equatable {
        /// A word (a lexicon word, a general word, a Latin word).
        case word
        /// A run of characters no word list knows, most likely a name: spelt rather than decomposed.
        case name
        /// A number, clock time, score, amount or percentage.
        case number
        /// A punctuation mark.
        case punctuation
        /// Any other symbol (emoji, ©).
        case symbol
    }

    /// The text.
    var text: String
    /// Its characters in the source text.
    var range: Range<Int>
    /// Its kind.
    var kind: Kind
}
