import AnchorCore

/// Everything that goes wrong in the Gloss module, each with a one-line message.
public enum GlossError: AnchorError, Equatable {
    /// A grammar data file has a malformed line.
    case invalidGrammar(path: String, line: Int, reason: String)
    /// A grammar data file is missing or unreadable.
    case cannotReadGrammar(path: String, reason: String)
    /// The grammar names a spoken language the gloss translator has no word tools for.
    case unsupportedSpokenLanguage(String, signLanguage: String)
    /// The input has nothing to translate (empty, or only whitespace).
    case emptyInput(source: String)

    public var isUserError: Bool { true }

    public var description: String {
        switch self {
        case let .invalidGrammar(path, line, reason): "\(path):\(line): invalid grammar line: \(reason)"
        case let .cannotReadGrammar(path, reason): "\(path): cannot read grammar: \(reason)"
        case let .unsupportedSpokenLanguage(code, signLanguage):
            "\(signLanguage): grammar names spoken language '\(code)'; supported: zh-Hans, en"
        case let .emptyInput(source): "\(source): nothing to translate (empty input)"
        }
    }
}
