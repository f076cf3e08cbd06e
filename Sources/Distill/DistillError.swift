import AnchorCore

/// Everything that can go wrong while distilling: bad input, missing spoken data, a chat endpoint that failed.
public enum DistillError: AnchorError, Equatable {
    /// The input had nothing to distil, or could not be read; `source` names the file or option.
    case invalidInput(source: String, reason: String)
    /// A spoken-data file (`Lexicon/spoken/…`) is missing or has a malformed line.
    case badData(path: String, line: Int, reason: String)
    /// An option has a value outside its range (`--rate 0`, `--max-lag -1`).
    case invalidOption(name: String, reason: String)
    /// The chat endpoint did not answer in time.
    case timeout(url: String, seconds: Double)
    /// The chat endpoint answered with an HTTP error status (429 rate limit, 5xx…).
    case httpStatus(url: String, status: Int, body: String)
    /// The chat endpoint could not be reached or its answer could not be parsed.
    case transport(url: String, reason: String)
    /// The model's answer broke a rule (over budget, an invented number or name, wrong language).
    case rejectedAnswer(reason: String)

    public var isUserError: Bool {
        switch self {
        case .invalidInput, .badData, .invalidOption: true
        case .timeout, .httpStatus, .transport, .rejectedAnswer: false
        }
    }

    public var description: String {
        switch self {
        case let .invalidInput(source, reason): "\(source): \(reason)"
        case let .badData(path, line, reason): "\(path):\(line): \(reason)"
        case let .invalidOption(name, reason): "--\(name): \(reason)"
        case let .timeout(url, seconds): "\(url): no answer within \(seconds) s"
        case let .httpStatus(url, status, body): "\(url): HTTP \(status): \(body.prefix(200))"
        case let .transport(url, reason): "\(url): \(reason)"
        case let .rejectedAnswer(reason): "model answer rejected: \(reason)"
        }
    }
}
