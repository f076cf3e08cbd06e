/// A user error found by the command line itself (a bad option combination), reported as one line, exit 1.
struct CLIError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
