import AnchorCore

/// Everything that goes wrong in the Lexicon module, each with a one-line message naming the file.
public enum LexiconError: AnchorError, Equatable {
    /// A lexicon folder or file has problems; each names file, line and field.
    case invalid([LexiconIssue])
    /// A file or folder could not be read.
    case cannotRead(path: String, reason: String)
    /// No sign-language folder with this code.
    case unknownSignLanguage(String, available: [String])
    /// No entry with this id or word.
    case notFound(String, signLanguage: String)
    /// A SiGML document could not be parsed.
    case invalidSiGML(path: String, reason: String)
    /// Generated data (pinyin, word list) is missing; `hint` says how to make it.
    case missingData(path: String, hint: String)

    /// Always true: every lexicon error is about input (files, names, options).
    public var isUserError: Bool { true }

    /// One line naming the file and the problem.
    public var description: String {
        switch self {
        case let .invalid(issues):
            let first = issues.first.map(\.description) ?? "invalid lexicon"
            return issues.count > 1 ? "\(first) (and \(issues.count - 1) more problems)" : first
        case let .cannotRead(path, reason): return "\(path): cannot read: \(reason)"
        case let .unknownSignLanguage(code, available):
            return "no sign language '\(code)' in the lexicon (available: \(available.joined(separator: ", ")))"
        case let .notFound(name, signLanguage): return "\(signLanguage): no entry for '\(name)'"
        case let .invalidSiGML(path, reason): return "\(path): invalid SiGML: \(reason)"
        case let .missingData(path, hint): return "\(path): missing; \(hint)"
        }
    }
}

/// One problem in a lexicon file: where it is and what is wrong.
public struct LexiconIssue: Sendable, Codable, Equatable, CustomStringConvertible {
    /// The file's path.
    public var file: String
    /// The 1-based line number.
    public var line: Int
    /// The field (`id`, `manual`, `handconfig.handshape`…) or `encoding`/`syntax`.
    public var field: String
    /// What is wrong.
    public var message: String

    /// Creates an issue.
    public init(file: String, line: Int, field: String, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    /// `file:line: field: message`.
    public var description: String { "\(file):\(line): \(field): \(message)" }
}
