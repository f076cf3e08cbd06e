import Foundation

/// A program started in the background, for tests that signal it, feed it slowly, or time its end.
public final class Spawned: @unchecked Sendable {
    // @unchecked: `process` and the pipes are set in init and afterwards only read.
    /// The running process.
    public let process: Process
    /// Where its stdout and stderr go.
    public let stdout: URL, stderr: URL
    /// Its stdin, open until ``closeInput()``.
    public let input: Pipe

    /// Starts `executable` (a path) with `arguments` in `folder`; stdout and stderr go to files there. The environment is
    /// the test run's with `environment` added, or exactly `cleanEnvironment` when that is given.
    public init(_ executable: URL, _ arguments: [String], in folder: URL, environment: [String: String] = [:],
                cleanEnvironment: [String: String]? = nil) throws {
        process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = cleanEnvironment ?? ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.currentDirectoryURL = folder
        stdout = folder.appendingPathComponent("stdout-\(UUID().uuidString.prefix(6)).txt")
        stderr = folder.appendingPathComponent("stderr-\(UUID().uuidString.prefix(6)).txt")
        FileManager.default.createFile(atPath: stdout.path, contents: nil)
        FileManager.default.createFile(atPath: stderr.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        process.standardError = try FileHandle(forWritingTo: stderr)
        input = Pipe()
        process.standardInput = input
        try process.run()
    }

    /// Sends `signal` to the process.
    public func send(_ signal: Int32) {
        Foundation.kill(process.processIdentifier, signal)
    }

    /// Closes the program's stdin (end of input).
    public func closeInput() {
        try? input.fileHandleForWriting.close()
    }

    /// Waits up to `seconds` for the exit; its status, or nil if still running.
    public func wait(seconds: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { return nil }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Waits up to `seconds` until `condition` holds; whether it did.
    public static func until(seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }

    /// What the program wrote to stdout so far.
    public var outputText: String { (try? String(contentsOf: stdout, encoding: .utf8)) ?? "" }

    /// What the program wrote to stderr so far.
    public var errorText: String { (try? String(contentsOf: stderr, encoding: .utf8)) ?? "" }

    /// Kills the program if it still runs (for clean-up after a failed expectation).
    public func kill() {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
    }
}
