import AnchorCore
import Foundation

/// Standard input copied to a temporary file, for jobs that read their input more than once (recognition,
/// the video probe, muxing the audio). Removed when the spool is released.
final class StandardInputSpool {
    /// The temporary file holding everything read from stdin.
    let path: String

    /// Copies stdin to the end, 1 MiB at a time.
    /// - Throws: ``CLIError`` when the temporary file cannot be written or stdin is empty.
    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("signanchor-stdin-\(getpid())-\(UUID().uuidString)").path
        guard FileManager.default.createFile(atPath: path, contents: nil), let file = FileHandle(forWritingAtPath: path) else {
            throw CLIError("cannot spool stdin to \(path)")
        }
        // A signal while stdin is copied (or the job runs) removes the spool with the other unfinished files.
        TemporaryFiles.register(path)
        defer { try? file.close() }
        var total = 0
        do {
            while let chunk = try FileHandle.standardInput.read(upToCount: 1 << 20), !chunk.isEmpty {
                try file.write(contentsOf: chunk)
                total += chunk.count
            }
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw CLIError("cannot spool stdin to \(path): \(error.localizedDescription)")
        }
        if total == 0 {
            try? FileManager.default.removeItem(atPath: path)
            throw CLIError("-: standard input is empty")
        }
    }

    deinit { TemporaryFiles.finish(path) { try? FileManager.default.removeItem(atPath: path) } }
}
