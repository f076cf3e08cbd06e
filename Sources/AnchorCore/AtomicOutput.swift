import Foundation

/// An output file that appears under its final name only when complete.
///
/// Writers put their bytes into ``temporaryPath`` (in the same folder, so the final rename is atomic)
/// and call ``commit()``; if they fail or are dropped without committing, the temporary file is removed,
/// so a failed run never leaves a half-written output behind.
public final class AtomicOutput {
    /// The path the finished file will have.
    public let finalPath: String
    /// Where to write meanwhile: a hidden file beside `finalPath`.
    public let temporaryPath: String
    private var committed = false

    /// Prepares an output; fails at once if the folder does not exist or is not writable.
    /// - Throws: ``AnchorCoreError/cannotWrite(path:reason:)``.
    public init(path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw AnchorCoreError.cannotWrite(path: path, reason: "it is a directory")
        }
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw AnchorCoreError.cannotWrite(path: path, reason: "folder \(folder) does not exist")
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw AnchorCoreError.cannotWrite(path: path, reason: "folder \(folder) is not writable")
        }
        finalPath = path
        temporaryPath = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).partial").path
        TemporaryFiles.register(temporaryPath)
    }

    /// Moves the temporary file to its final name, replacing any older file there.
    public func commit() throws {
        guard !committed else { return }
        // Renamed with the registry locked: a signal's clean-up either removes the partial file or finds it done.
        let failure: String? = TemporaryFiles.finish(temporaryPath) {
            rename(temporaryPath, finalPath) == 0 ? nil : String(cString: strerror(errno))
        }
        if let failure {
            discard()
            throw AnchorCoreError.cannotWrite(path: finalPath, reason: failure)
        }
        committed = true
    }

    /// Removes the temporary file; called automatically when an uncommitted output is dropped.
    public func discard() {
        TemporaryFiles.finish(temporaryPath) { _ = unlink(temporaryPath) }
    }

    deinit {
        if !committed { discard() }
    }

    /// Writes `data` to `path` atomically: the whole file or nothing.
    public static func write(_ data: Data, to path: String) throws {
        let output = try AtomicOutput(path: path)
        do {
            try data.write(to: URL(fileURLWithPath: output.temporaryPath))
        } catch {
            throw AnchorCoreError.cannotWrite(path: path, reason: error.localizedDescription)
        }
        try output.commit()
    }
}
