import Foundation

/// Runs external tools (sox, ffmpeg, espeak-ng, the signanchor binary) from tests.
public enum Shell {
    /// What a finished process left behind.
    public struct Result: Sendable {
        /// Exit status.
        public let status: Int32
        /// Everything written to stdout.
        public let stdout: Data
        /// Everything written to stderr, as text.
        public let stderr: String
        /// stdout as UTF-8 text.
        public var output: String { String(decoding: stdout, as: UTF8.self) }

        /// A result made by a test that ran the process itself.
        public init(status: Int32, stdout: Data, stderr: String) {
            self.status = status
            self.stdout = stdout
            self.stderr = stderr
        }
    }

    /// Runs `executable` (looked up on PATH) with `arguments`, optionally feeding `input` on stdin.
    @discardableResult
    public static func run(_ executable: String, _ arguments: [String], input: Data? = nil,
                           environment: [String: String]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        if let environment {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let inPipe = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : inPipe
        try process.run()
        if let input {
            inPipe.fileHandleForWriting.write(input)
            try inPipe.fileHandleForWriting.close()
        }
        // Read both pipes concurrently so a chatty process cannot block on a full pipe.
        let errBox = DataBox()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errBox.data = err.fileHandleForReading.readDataToEndOfFile() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: outData, stderr: String(decoding: errBox.data, as: UTF8.self))
    }

    /// Runs a tool that must succeed; throws with its stderr otherwise.
    @discardableResult
    public static func must(_ executable: String, _ arguments: [String]) throws -> Result {
        let result = try run(executable, arguments)
        guard result.status == 0 else { throw ToolFailed(command: ([executable] + arguments).joined(separator: " "), stderr: result.stderr) }
        return result
    }

    /// A test tool exited non-zero.
    public struct ToolFailed: Error, CustomStringConvertible {
        public let command: String
        public let stderr: String
        /// Creates the error for `command` with what it printed on stderr.
        public init(command: String, stderr: String) {
            self.command = command
            self.stderr = stderr
        }
        public var description: String { "\(command) failed: \(stderr)" }
    }
}

/// Holds bytes written by another thread; read only after that thread is done (DispatchGroup.wait).
private final class DataBox: @unchecked Sendable {
    var data = Data()
}
