/// An error any SignAnchor module can throw, with a one-line message that names the file and the problem.
///
/// Each module has one error type conforming to this protocol. The command line maps `isUserError`
/// to exit code 1 (bad input or option) and everything else to exit code 2 (internal failure);
/// the HTTP service maps it to 4xx and 5xx the same way.
public protocol AnchorError: Error, CustomStringConvertible, Sendable {
    /// True when the input or an option is at fault, false when SignAnchor itself failed.
    var isUserError: Bool { get }
}

/// Errors of the shared helpers in AnchorCore (output files, JSON, times).
public enum AnchorCoreError: AnchorError, Equatable {
    /// An output file could not be created, written or moved into place.
    case cannotWrite(path: String, reason: String)
    /// A JSON document did not have the expected shape.
    case invalidJSON(path: String, reason: String)
    /// An output path names one of the run's inputs: writing it would destroy the input.
    case outputIsInput(output: String, input: String)
    /// A time in an input is not a usable time on the broadcast's clock (non-finite, negative, reversed, too late).
    case invalidTime(source: String, reason: String)
    /// A data set (lexicon, rig, look, speech model) is in none of the places searched.
    case dataNotFound(name: String, relative: String, searched: [String])

    public var isUserError: Bool { true }

    public var description: String {
        switch self {
        case let .cannotWrite(path, reason): "\(path): cannot write output: \(reason)"
        case let .invalidJSON(path, reason): "\(path): invalid JSON: \(reason)"
        case let .outputIsInput(output, input):
            output == input ? "\(output): the output would overwrite the input; choose another output path"
                : "\(output): the output is the same file as the input \(input); choose another output path"
        case let .invalidTime(source, reason): "\(source): \(reason)"
        case let .dataNotFound(name, relative, searched):
            "\(relative): no \(name) found; looked in \(searched.joined(separator: ", ")); "
                + "give its option, set SIGNANCHOR_HOME, or install with scripts/install"
        }
    }
}
