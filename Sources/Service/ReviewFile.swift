import Foundation
import Lexicon

/// The review file of `serve --review-file`: JSON Lines of ``ReviewRecord``, only ever appended to.
///
/// Each line is written with one `write(2)` on a descriptor opened with `O_APPEND` and flushed with `fsync`, so
/// lines from concurrent requests (or another process appending) never interleave and a crash loses at most the
/// line being written. The lexicon files are never touched: `lexicon review apply` does that, with the author.
actor ReviewFile {
    /// The file's path.
    let path: String

    /// Checks that `path` is a review file (or can become one): it is read if it exists, and opened for appending.
    /// - Throws: ``LexiconError/invalid(_:)`` naming a bad line, ``ServiceError/failed(_:)`` when it cannot be written.
    init(path: String) throws {
        self.path = path
        if FileManager.default.fileExists(atPath: path) { _ = try ReviewLog.read(path: path) }
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Self.cannotWrite(path) }
        defer { close(descriptor) }
        // A file written by hand may lack its last line break: add it, so the next line starts on a line of its own.
        if let data = FileManager.default.contents(atPath: path), let last = data.last, last != UInt8(ascii: "\n") {
            guard write(descriptor, "\n", 1) == 1 else { throw Self.cannotWrite(path) }
        }
    }

    /// The failure to write `path`, with the system's reason (`errno`).
    private static func cannotWrite(_ path: String) -> ServiceError {
        ServiceError.failed("\(path): cannot write the review file: \(String(cString: strerror(errno)))")
    }

    /// Appends `record` as one line.
    /// - Throws: ``ServiceError/failed(_:)`` when the line cannot be written whole.
    func append(_ record: ReviewRecord) throws {
        let line = try ReviewLog.line(record)
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Self.cannotWrite(path) }
        defer { close(descriptor) }
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == line.count, fsync(descriptor) == 0 else { throw Self.cannotWrite(path) }
    }
}
