/// A word or phrase of a sentence with the grammatical role the rules gave it.
struct Item: Sendable, Equatable {
    /// What the ordering rules do with an item.
    enum Role: Sendable, Equatable {
        /// A content word: signed where the clause puts it.
        case content
        /// A number (or amount, clock time, score).
        case number
        /// A time word or phrase, or a date (2024 年 3 月).
        case time
        /// A question word or phrase.
        case wh
        /// A negator.
        case negator
        /// An empty copula.
        case copula
        /// Auxiliary `do`.
        case doSupport
        /// Another auxiliary or modal.
        case auxiliary
        /// A place preposition (在).
        case placeMarker
        /// A measure word.
        case measure
        /// A function word that is always dropped.
        case drop
        /// A symbol nothing can sign (emoji).
        case symbol
    }

    /// The source tokens, contiguous in the sentence.
    var tokens: [SourceToken]
    /// The role.
    var role: Role
    /// Items with the same phrase number form one time phrase and move together.
    var phrase: Int

    /// The words joined as the lexicon keys multiword expressions (spaces between Latin words only).
    var text: String {
        guard tokens.count > 1 else { return tokens.first?.text ?? "" }
        var result = ""
        for token in tokens {
            if let last = result.last, let first = token.text.first, last.isASCII, first.isASCII { result += " " }
            result += token.text
        }
        return result
    }

    /// The lower-case key for grammar classes.
    var key: String { text.lowercased() }

    /// True when every token is a name-like run of unknown characters.
    var isName: Bool { tokens.allSatisfy { $0.kind == .name } }
}
