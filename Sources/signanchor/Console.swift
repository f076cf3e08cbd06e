import AnchorCore
import Foundation

/// Writing to the terminal: results to stdout, messages and progress to stderr.
enum Console {
    /// Prints one error line to stderr, prefixed with the program name.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("signanchor: \(message)\n".utf8))
    }

    /// Prints an informational line to stderr unless `quiet`.
    static func note(_ message: String, quiet: Bool = false) {
        guard !quiet else { return }
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }

    /// Writes a result to `path` atomically, or to stdout when `path` is nil or "-".
    static func emit(_ text: String, to path: String?) throws {
        if let path, path != "-" {
            try AtomicOutput.write(Data(text.utf8), to: path)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
